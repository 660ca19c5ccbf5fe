package crashlog

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A panic in a real process leaves its report in crash.txt; the next
// start keeps it under a dated name and says where.
func TestACrashLeavesATraceAndTheNextStartSaysSo(t *testing.T) {
	dir := t.TempDir()
	if os.Getenv("PSYPLAN_CRASH_DIR") != "" {
		if _, err := Start(os.Getenv("PSYPLAN_CRASH_DIR")); err != nil {
			t.Fatal(err)
		}
		panic("the window fell over")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestACrashLeavesATraceAndTheNextStartSaysSo$")
	cmd.Env = append(os.Environ(), "PSYPLAN_CRASH_DIR="+dir)
	if err := cmd.Run(); err == nil {
		t.Fatal("the crashing process exited well")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "crash.txt"))
	if !strings.Contains(string(b), "the window fell over") {
		t.Fatalf("crash.txt holds %q", b)
	}
	previous, err := Start(dir)
	if err != nil || !strings.HasPrefix(filepath.Base(previous), "crash-") {
		t.Fatalf("previous %q, %v", previous, err)
	}
	if b, _ := os.ReadFile(previous); !strings.Contains(string(b), "the window fell over") {
		t.Errorf("the kept report holds %q", b)
	}
	if s := Sentence(previous); !strings.Contains(s, previous) {
		t.Errorf("sentence %q", s)
	}
	if again, _ := Start(dir); again != "" {
		t.Errorf("a clean run reported a crash: %q", again)
	}
}
