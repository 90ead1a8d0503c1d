//go:build unix

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSmokeBinary builds the real binary, serves on a free loopback port, and stops it with SIGTERM.
func TestSmokeBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	bin := filepath.Join(t.TempDir(), "agent")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	cmd := exec.Command(bin, "-host", "127.0.0.1", "-port", "0")
	cmd.Env = append(os.Environ(), "AGENT_TYPE=workflow", "AGENT_VERSION=1.0.0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			if err := cmd.Process.Kill(); err != nil {
				t.Logf("kill agent: %v", err)
			}
		}
	})

	logs := make(chan map[string]any, 100)
	go func() {
		defer close(logs)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			var entry map[string]any
			if err := json.Unmarshal(sc.Bytes(), &entry); err != nil {
				entry = map[string]any{"msg": "NOT JSON: " + sc.Text()}
			}
			logs <- entry
		}
	}()
	base := "http://" + waitForLog(t, logs, "listening")["addr"].(string)

	client := &http.Client{Timeout: 10 * time.Second}
	call := func(method, path, body string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(method, base+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		b, err := io.ReadAll(resp.Body)
		if cerr := resp.Body.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatalf("%s %s: read response: %v", method, path, err)
		}
		return resp.StatusCode, string(b)
	}

	checks := []struct {
		method, path, body string
		status             int
		has                string
	}{
		{http.MethodGet, "/ping", "", http.StatusOK, `"status":"Healthy"`},
		{http.MethodPost, "/invocations", `{"prompt":"hi"}`, http.StatusOK, `"agentVersion":"1.0.0"`},
		{http.MethodPost, "/invocations", `{"prompt":`, http.StatusBadRequest, `"error"`},
		{http.MethodPost, "/invocations", strings.Repeat("x", maxBodyBytes+1), http.StatusRequestEntityTooLarge, "limit"},
		{http.MethodGet, "/invocations", "", http.StatusMethodNotAllowed, "use POST"},
	}
	for _, c := range checks {
		status, body := call(c.method, c.path, c.body)
		if status != c.status || !strings.Contains(body, c.has) {
			t.Errorf("%s %s = %d %.200q, want %d containing %q", c.method, c.path, status, body, c.status, c.has)
		}
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitForLog(t, logs, "stopped")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\nstderr: %s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("agent did not exit within 15s of SIGTERM")
	}
}

// waitForLog returns the first JSON log entry with the given msg, failing on timeout or bad lines.
func waitForLog(t *testing.T, logs <-chan map[string]any, msg string) map[string]any {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case entry, ok := <-logs:
			if !ok {
				t.Fatalf("stdout closed before log %q", msg)
			}
			if m, _ := entry["msg"].(string); strings.HasPrefix(m, "NOT JSON") {
				t.Errorf("stdout line is not JSON: %s", m)
			} else if m == msg {
				return entry
			}
		case <-timeout:
			t.Fatalf("no log %q within 15s", msg)
		}
	}
}
