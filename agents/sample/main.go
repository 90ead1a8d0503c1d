// Command sample is a minimal agent that meets the Amazon Bedrock AgentCore container contract
// (port 8080, GET /ping, POST /invocations), so a stack can be deployed before the real agents
// exist. It echoes the prompt with the agent's type and version.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

// shutdownGrace bounds how long in-flight invocations may finish after SIGTERM.
const shutdownGrace = 10 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sample:", err)
		os.Exit(1)
	}
}

// run serves until ctx is cancelled, then drains in-flight requests.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := parseConfig(args, getenv)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(stdout, nil))

	ln, err := net.Listen("tcp", net.JoinHostPort(cfg.host, strconv.Itoa(cfg.port)))
	if err != nil {
		return fmt.Errorf("listen on %s:%d: %w", cfg.host, cfg.port, err)
	}
	srv := &http.Server{
		Handler:           newHandler(cfg.agent, logger),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.Info("listening", "addr", ln.Addr().String(),
		"agentType", cfg.agent.Type, "agentVersion", cfg.agent.Version)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down", "grace", shutdownGrace.String())
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// config is what the process needs at start.
type config struct {
	host  string
	port  int
	agent agentInfo
}

// parseConfig reads flags, falling back to PORT for the port; AgentCore itself always uses 8080.
func parseConfig(args []string, getenv func(string) string) (config, error) {
	port := 8080
	if p := getenv("PORT"); p != "" {
		n, err := parsePort(p)
		if err != nil {
			return config{}, fmt.Errorf("environment variable PORT: %w", err)
		}
		port = n
	}
	fs := flag.NewFlagSet("sample", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	host := fs.String("host", "", "interface to listen on (default: all)")
	portFlag := fs.String("port", strconv.Itoa(port), "TCP port, 0-65535 (0 picks a free port); default PORT or 8080")
	if err := fs.Parse(args); err != nil {
		return config{}, fmt.Errorf("%w (flags: -host HOST, -port PORT)", err)
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected argument %q (flags: -host HOST, -port PORT)", fs.Arg(0))
	}
	n, err := parsePort(*portFlag)
	if err != nil {
		return config{}, fmt.Errorf("flag -port: %w", err)
	}
	return config{
		host: *host,
		port: n,
		agent: agentInfo{
			Type:    valueOr(getenv("AGENT_TYPE"), "sample"),
			Version: valueOr(getenv("AGENT_VERSION"), "0.0.0-dev"),
		},
	}, nil
}

func parsePort(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 65535 {
		return 0, fmt.Errorf("port %q is not an integer from 0 to 65535", s)
	}
	return n, nil
}

func valueOr(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}
