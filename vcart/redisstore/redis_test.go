package redisstore_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// The tests run against a real redis-server, never a mock. TestMain starts
// one shared server (its address is exported as REDIS_ADDR for the
// examples); tests that stop or restart a server start their own with
// startRedis. Without redis-server on PATH the tests skip, unless
// VCART_REQUIRE_REDIS=1 (set by .ci/run), when they fail.

const requireEnv = "VCART_REQUIRE_REDIS"

// redisBin is the path of redis-server, or "" when it is not installed.
var redisBin string

// shared is the package-wide server started by TestMain.
var shared *redisProc

func TestMain(m *testing.M) {
	flag.Parse()
	redis.SetLogger(quietLogger{}) // the unreachable-server tests dial on purpose
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv(requireEnv) == "1" {
			fmt.Fprintf(os.Stderr, "redisstore: redis-server not found on PATH and %s=1\n", requireEnv)
			return 1
		}
		fmt.Fprintln(os.Stderr, "redisstore: redis-server not found on PATH: skipping the tests and examples that need it")
		skip := "^Example"
		if f := flag.Lookup("test.skip"); f != nil && f.Value.String() != "" {
			skip = f.Value.String() + "|" + skip
		}
		if err := flag.Set("test.skip", skip); err != nil {
			fmt.Fprintln(os.Stderr, "redisstore: cannot skip the examples:", err)
			return 1
		}
		return m.Run()
	}
	redisBin = bin
	if f := flag.Lookup("test.fuzzworker"); f != nil && f.Value.String() == "true" {
		return m.Run() // a fuzz worker runs only the (pure) fuzz target
	}
	dir, err := os.MkdirTemp("", "redisstore-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "redisstore:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	p, err := launchRedis(bin, dir, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "redisstore: starting the shared redis-server:", err)
		return 1
	}
	shared = p
	defer p.kill()
	if err := os.Setenv("REDIS_ADDR", p.addr()); err != nil {
		fmt.Fprintln(os.Stderr, "redisstore:", err)
		return 1
	}
	return m.Run()
}

// requireRedis skips (or, under VCART_REQUIRE_REDIS=1, fails) the test when
// redis-server is missing.
func requireRedis(t testing.TB) {
	t.Helper()
	if redisBin != "" {
		return
	}
	if os.Getenv(requireEnv) == "1" {
		t.Fatalf("redis-server not found on PATH and %s=1", requireEnv)
	}
	t.Skip("redis-server not found on PATH")
}

// redisProc is one redis-server process on a loopback port.
type redisProc struct {
	bin, dir string
	port     int
	cmd      *exec.Cmd
	out      *lockedBuffer
	exited   chan struct{}
}

func (p *redisProc) addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(p.port)) }

// launchRedis starts redis-server without persistence on port (a free one
// when 0) and waits until it answers PING.
func launchRedis(bin, dir string, port int) (*redisProc, error) {
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		pt := port
		if pt == 0 {
			var err error
			if pt, err = freePort(); err != nil {
				return nil, err
			}
		}
		p := &redisProc{bin: bin, dir: dir, port: pt}
		if lastErr = p.start(); lastErr == nil {
			return p, nil
		}
		if port != 0 {
			break // a fixed port is not retried elsewhere
		}
	}
	return nil, lastErr
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (p *redisProc) start() error {
	p.out = &lockedBuffer{}
	p.cmd = exec.Command(p.bin,
		"--save", "", "--appendonly", "no",
		"--port", strconv.Itoa(p.port), "--bind", "127.0.0.1",
		"--dir", p.dir, "--loglevel", "warning", "--daemonize", "no")
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	setParentDeathSignal(p.cmd)
	if err := p.cmd.Start(); err != nil {
		return err
	}
	p.exited = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) {
		_ = cmd.Wait()
		close(done)
	}(p.cmd, p.exited)
	deadline := time.Now().Add(30 * time.Second) // generous: a loaded machine
	for time.Now().Before(deadline) {
		select {
		case <-p.exited:
			return fmt.Errorf("redis-server exited: %s", p.out.String())
		default:
		}
		if ping(p.addr()) == nil {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	p.kill()
	return errors.New("redis-server did not answer PING within 30s")
}

// kill stops the server and waits for it to exit. It is idempotent.
func (p *redisProc) kill() {
	if p.cmd == nil || p.cmd.Process == nil {
		return
	}
	select {
	case <-p.exited:
		return
	default:
	}
	_ = p.cmd.Process.Kill()
	<-p.exited
}

// ping sends a raw PING and expects +PONG.
func ping(addr string) error {
	c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(500 * time.Millisecond))
	if _, err := c.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if strings.TrimSpace(line) != "+PONG" {
		return fmt.Errorf("unexpected reply %q", line)
	}
	return nil
}

// testRedis is a private server owned by one test.
type testRedis struct {
	t testing.TB
	p *redisProc
}

// startRedis starts a private redis-server for t on a free 127.0.0.1 port in
// t.TempDir and kills it in t.Cleanup. Stop and Start restart it on the same
// port.
func startRedis(t testing.TB) *testRedis {
	t.Helper()
	requireRedis(t)
	p, err := launchRedis(redisBin, t.TempDir(), 0)
	if err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	t.Cleanup(p.kill)
	return &testRedis{t: t, p: p}
}

func (r *testRedis) Addr() string { return r.p.addr() }

// Stop kills the server (its data is lost: no persistence).
func (r *testRedis) Stop() { r.p.kill() }

// Start starts the server again on the same port.
func (r *testRedis) Start() {
	r.t.Helper()
	var err error
	for i := 0; i < 250; i++ { // the port may linger briefly after a kill
		if err = r.p.start(); err == nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	r.t.Fatalf("restart redis-server on %s: %v", r.Addr(), err)
}

// newClient returns a go-redis client for addr, closed in t.Cleanup. No
// retries keep the unreachable-server tests fast (a stopped server refuses
// at once); the timeouts are generous, so that a loaded machine (2 busy
// cores under -race) does not turn a slow answer into a failure.
func newClient(t testing.TB, addr string) *redis.Client {
	t.Helper()
	c := redis.NewClient(&redis.Options{
		Addr:                  addr,
		DialTimeout:           10 * time.Second,
		ReadTimeout:           10 * time.Second,
		WriteTimeout:          10 * time.Second,
		MaxRetries:            -1,
		DialerRetries:         1,
		ContextTimeoutEnabled: true,
		PoolSize:              8,
	})
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// sharedClient returns a new client of the shared server.
func sharedClient(t testing.TB) *redis.Client {
	t.Helper()
	requireRedis(t)
	return newClient(t, shared.addr())
}

var (
	prefixMu  sync.Mutex
	prefixes  = map[testing.TB]string{}
	prefixSeq int
)

// testPrefix gives each test (and each -count repetition of it) its own key
// space on the shared server; it returns the same prefix for the same t.
func testPrefix(t testing.TB) string {
	prefixMu.Lock()
	defer prefixMu.Unlock()
	if p, ok := prefixes[t]; ok {
		return p
	}
	prefixSeq++
	p := "test:" + strconv.Itoa(prefixSeq) + ":" + strings.ReplaceAll(t.Name(), " ", "_") + ":"
	prefixes[t] = p
	t.Cleanup(func() {
		prefixMu.Lock()
		delete(prefixes, t)
		prefixMu.Unlock()
	})
	return p
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestHarness checks the helper itself: the server answers, stops and comes
// back on the same port without its data.
func TestHarness(t *testing.T) {
	t.Parallel()
	r := startRedis(t)
	c := newClient(t, r.Addr())
	ctx := t.Context()
	if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}
	r.Stop()
	if err := ping(r.Addr()); err == nil {
		t.Fatal("PING answered after Stop")
	}
	r.Start()
	if err := c.Get(ctx, "k").Err(); !errors.Is(err, redis.Nil) {
		t.Fatalf("after restart Get = %v, want redis.Nil (no persistence)", err)
	}
}

// quietLogger drops go-redis's internal log lines (failed dials are expected
// in the restart tests).
type quietLogger struct{}

func (quietLogger) Printf(context.Context, string, ...any) {}
