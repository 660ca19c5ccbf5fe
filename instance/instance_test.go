package instance

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A second PsyPlan on the same library hands its file to the first.
func TestFileReachesTheRunningWindow(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if err := Send(lib, "/plans/a.psyplan"); !errors.Is(err, ErrNoneRunning) {
		t.Fatalf("nothing running yet: %v", err)
	}
	l, err := Listen(lib)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(lib + ".instance"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the handshake file: %v %v", fi, err)
	}
	if err := Send(lib, "/plans/North ICS.psyplan"); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-l.Files():
		if got != "/plans/North ICS.psyplan" {
			t.Errorf("got %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the file never arrived")
	}
	// Another library's PsyPlan is not this one.
	if err := Send(filepath.Join(t.TempDir(), "other.db"), "/x.psyplan"); !errors.Is(err, ErrNoneRunning) {
		t.Errorf("another library: %v", err)
	}
	l.Close()
	if _, err := os.Stat(lib + ".instance"); !os.IsNotExist(err) {
		t.Errorf("the handshake file stayed: %v", err)
	}
	if err := Send(lib, "/x.psyplan"); !errors.Is(err, ErrNoneRunning) {
		t.Errorf("after closing: %v", err)
	}
}

// A request without the key is not taken; a stale handshake file (the
// window gone without tidying up) means none is running.
func TestWrongKeyAndStaleFile(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	l, err := Listen(lib)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	conn, err := net.Dial("tcp", l.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	conn.Write([]byte("psyplan-open wrongkey\n/etc/passwd\n"))
	buf := make([]byte, 8)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if n, _ := conn.Read(buf); n != 0 {
		t.Errorf("answered a wrong key: %q", buf[:n])
	}
	conn.Close()
	select {
	case got := <-l.Files():
		t.Errorf("took %q with a wrong key", got)
	case <-time.After(200 * time.Millisecond):
	}
	stale := filepath.Join(t.TempDir(), "stale.db")
	os.WriteFile(stale+".instance", []byte("1 abc\n"), 0o600)
	if err := Send(stale, "/x.psyplan"); !errors.Is(err, ErrNoneRunning) {
		t.Errorf("stale: %v", err)
	}
}
