// Package instance lets a PsyPlan started with a plan file hand the file
// to the PsyPlan already open on the same library, so that a plan someone
// double-clicks opens in the window that is there rather than in a second
// window editing the library beside it. The handshake is local only: the
// running window listens on a loopback port and writes the port and a
// random key beside the library, in a file only its owner can read.
package instance

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"time"
)

// greeting starts every request, so nothing else that finds the port is
// taken for a PsyPlan.
const greeting = "psyplan-open"

// timeout bounds every step of the handshake: a running PsyPlan answers
// at once, and a stale file must not keep a double-click waiting.
const timeout = 3 * time.Second

// Listener is the running window's end: the files other PsyPlans hand it.
type Listener struct {
	ln    net.Listener
	file  string // the handshake file beside the library
	key   string
	files chan string
	once  sync.Once
}

// handshakeFile is where the port and key of the PsyPlan open on the
// library are kept.
func handshakeFile(library string) string { return library + ".instance" }

// Listen starts listening for files on behalf of the window open on
// library.
func Listen(library string) (*Listener, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	raw := make([]byte, 16)
	if _, err := rand.Read(raw); err != nil {
		ln.Close()
		return nil, err
	}
	l := &Listener{ln: ln, file: handshakeFile(library), key: hex.EncodeToString(raw), files: make(chan string, 8)}
	content := fmt.Sprintf("%d %s\n", ln.Addr().(*net.TCPAddr).Port, l.key)
	if err := os.WriteFile(l.file, []byte(content), 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	go l.serve()
	return l, nil
}

// Files gives each file another PsyPlan handed over, as it comes.
func (l *Listener) Files() <-chan string { return l.files }

// Close stops listening and removes the handshake file, if it is still
// this window's (a later PsyPlan may have written its own).
func (l *Listener) Close() error {
	var err error
	l.once.Do(func() {
		err = l.ln.Close()
		if b, rerr := os.ReadFile(l.file); rerr == nil && strings.Contains(string(b), l.key) {
			os.Remove(l.file)
		}
	})
	return err
}

func (l *Listener) serve() {
	defer close(l.files)
	for {
		conn, err := l.ln.Accept()
		if err != nil {
			return // closed
		}
		if path, ok := l.read(conn); ok {
			l.files <- path
		}
	}
}

// read takes one request: the greeting with the key, then a path; it
// answers "ok" to a good one.
func (l *Listener) read(conn net.Conn) (string, bool) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(timeout))
	r := bufio.NewReader(conn)
	hello, err := r.ReadString('\n')
	if err != nil || strings.TrimSpace(hello) != greeting+" "+l.key {
		return "", false
	}
	path, err := r.ReadString('\n')
	path = strings.TrimRight(path, "\r\n")
	if err != nil || path == "" || len(path) > 32<<10 {
		return "", false
	}
	_, err = conn.Write([]byte("ok\n"))
	return path, err == nil
}

// ErrNoneRunning is Send's error when no PsyPlan is open on the library
// (none has written the handshake file, or the one that did has gone).
var ErrNoneRunning = errors.New("no PsyPlan is open on this library")

// Send hands path to the PsyPlan open on library, and returns nil once it
// has taken it.
func Send(library, path string) error {
	b, err := os.ReadFile(handshakeFile(library))
	if err != nil {
		return ErrNoneRunning
	}
	var port int
	var key string
	if _, err := fmt.Sscanf(string(b), "%d %s", &port, &key); err != nil || port <= 0 || port > 65535 {
		return ErrNoneRunning
	}
	conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), timeout)
	if err != nil {
		return ErrNoneRunning // a window that closed without tidying up
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(timeout))
	if _, err := fmt.Fprintf(conn, "%s %s\n%s\n", greeting, key, path); err != nil {
		return ErrNoneRunning
	}
	answer, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || strings.TrimSpace(answer) != "ok" {
		return ErrNoneRunning
	}
	return nil
}
