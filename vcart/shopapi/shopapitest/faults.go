package shopapitest

import "time"

// FaultKind is what an injected fault does.
type FaultKind int

// Fault kinds.
const (
	// FaultHTTPStatus answers Fault.Status with an HTML body; not applied.
	FaultHTTPStatus FaultKind = iota + 1
	// FaultErrCode answers errcode Fault.Code (e.g. -1, 45011, 40001); not applied.
	FaultErrCode
	// FaultMalformedJSON answers HTTP 200 with truncated JSON; not applied.
	FaultMalformedJSON
	// FaultTimeout never answers (until the client gives up or Delay ends,
	// then the connection drops); not applied.
	FaultTimeout
	// FaultDropBefore closes the connection without applying the request.
	FaultDropBefore
	// FaultApplyThenDrop applies the request, then closes the connection
	// without an answer: the client cannot know it was applied.
	FaultApplyThenDrop
	// FaultApplyThenTimeout applies the request, then never answers.
	FaultApplyThenTimeout
	// FaultInvalidateToken revokes every token before handling the request,
	// as when another process re-fetched the token mid-stream.
	FaultInvalidateToken
	// FaultRefuse fails the dial: the request never left the client. Only
	// the in-process [Server.Transport] can express it; over loopback it
	// behaves as FaultDropBefore.
	FaultRefuse
)

// String returns the kind's name.
func (k FaultKind) String() string {
	switch k {
	case FaultHTTPStatus:
		return "http_status"
	case FaultErrCode:
		return "errcode"
	case FaultMalformedJSON:
		return "malformed_json"
	case FaultTimeout:
		return "timeout"
	case FaultDropBefore:
		return "drop_before"
	case FaultApplyThenDrop:
		return "apply_then_drop"
	case FaultApplyThenTimeout:
		return "apply_then_timeout"
	case FaultInvalidateToken:
		return "invalidate_token"
	case FaultRefuse:
		return "refuse"
	}
	return "FaultKind(?)"
}

// Fault is one injected failure for a path.
type Fault struct {
	Kind FaultKind
	// Status is the HTTP status of FaultHTTPStatus (default 503).
	Status int
	// Code is the errcode of FaultErrCode (default -1).
	Code int
	// Times is how many consecutive requests it hits (default 1).
	Times int
	// Delay bounds FaultTimeout and FaultApplyThenTimeout (0 = until the
	// client gives up).
	Delay time.Duration
	// RetryAfter sets the Retry-After header of FaultHTTPStatus (whole seconds).
	RetryAfter time.Duration
}

// InjectFault queues f for the next requests to path; faults queued for the
// same path apply in order.
func (s *Server) InjectFault(path string, f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	if f.Kind == FaultHTTPStatus && f.Status == 0 {
		f.Status = 503
	}
	if f.Kind == FaultErrCode && f.Code == 0 {
		f.Code = -1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	path = canonical(path)
	s.faults[path] = append(s.faults[path], &f)
}

// ClearFaults removes every queued fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.faults)
}

// takeFault pops the next fault for path; s.mu is held.
func (s *Server) takeFault(path string) *Fault {
	q := s.faults[path]
	if len(q) == 0 {
		return nil
	}
	f := *q[0]
	q[0].Times--
	if q[0].Times <= 0 {
		s.faults[path] = q[1:]
	}
	return &f
}
