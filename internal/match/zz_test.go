package match_test
import ("testing"; "time"; "github.com/vcart-sdk/vcart-go/internal/match"; "github.com/vcart-sdk/vcart-go/internal/match/matchtest")
func TestZZ(t *testing.T){ w := matchtest.ExtraWords(5000); for i:=0;i<5;i++ { t0:=time.Now(); match.Compile(w); t.Log(time.Since(t0)) }
 t0 := time.Now(); b := make([]uint32, 43532*71); for i := range b { b[i] = 1 }; t.Log("alloc+touch", time.Since(t0))
 t0 = time.Now(); for i := range b { b[i] = 2 }; t.Log("touch", time.Since(t0)) }
