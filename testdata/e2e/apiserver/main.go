// Command apiserver is a canned Kubernetes API server for lisbind's end-to-end programs.
//
// It listens on 127.0.0.1 (an ephemeral port unless -listen says otherwise), prints its base
// URL ("http://127.0.0.1:PORT") on stdout and, with -addr-file, writes it to that file
// (atomically, so a reader never sees a partial address). It serves:
//
//	GET /api/v1/namespaces/default/pods   a PodList, but only when the raw query carries
//	                                      labelSelector=app%3Dweb; otherwise 400 with a
//	                                      metav1.Status whose message says what was received
//	/quit                                 ends the server
//
// Everything else gets a 404 Status. It exits by itself after -timeout, after -max-requests
// requests to the pods endpoint (0: no limit), on /quit, or on SIGINT/SIGTERM. Stdlib only.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

const (
	podsPath     = "/api/v1/namespaces/default/pods"
	wantSelector = "labelSelector=app%3Dweb"
)

type status struct {
	Kind       string         `json:"kind"`
	APIVersion string         `json:"apiVersion"`
	Metadata   map[string]any `json:"metadata"`
	Status     string         `json:"status"`
	Message    string         `json:"message"`
	Reason     string         `json:"reason"`
	Code       int            `json:"code"`
}

func writeStatus(w http.ResponseWriter, code int, reason, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(status{
		Kind: "Status", APIVersion: "v1", Metadata: map[string]any{},
		Status: "Failure", Message: msg, Reason: reason, Code: code,
	})
}

func pod(name, phase string) map[string]any {
	return map[string]any{
		"metadata": map[string]any{
			"name":              name,
			"namespace":         "default",
			"uid":               "00000000-0000-0000-0000-0000000000" + name[len(name)-2:],
			"resourceVersion":   "100",
			"creationTimestamp": "2026-01-01T00:00:00Z",
			"labels":            map[string]string{"app": "web"},
		},
		"spec": map[string]any{
			"containers": []map[string]any{{"name": "web", "image": "nginx:1.27"}},
		},
		"status": map[string]any{"phase": phase},
	}
}

var podList = map[string]any{
	"kind":       "PodList",
	"apiVersion": "v1",
	"metadata":   map[string]any{"resourceVersion": "100"},
	"items": []map[string]any{
		pod("web-01", "Running"),
		pod("web-02", "Pending"),
		pod("web-03", "Succeeded"),
	},
}

// hasParam reports whether the raw (still percent-encoded) query holds the exact pair want.
func hasParam(rawQuery, want string) bool {
	for _, p := range strings.Split(rawQuery, "&") {
		if p == want {
			return true
		}
	}
	return false
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on (must be 127.0.0.1)")
	addrFile := flag.String("addr-file", "", "file to write the base URL to")
	timeout := flag.Duration("timeout", 120*time.Second, "exit after this long")
	maxRequests := flag.Int("max-requests", 0, "exit after this many requests to the pods endpoint (0: no limit)")
	flag.Parse()

	if host, _, err := net.SplitHostPort(*listen); err != nil || host != "127.0.0.1" {
		fmt.Fprintf(os.Stderr, "apiserver: -listen must be 127.0.0.1:PORT, got %q\n", *listen)
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, "apiserver:", err)
		os.Exit(1)
	}
	base := "http://" + ln.Addr().String()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()

	var served atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc(podsPath, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(os.Stderr, "apiserver: %s %s?%s\n", r.Method, r.URL.Path, r.URL.RawQuery)
		defer func() {
			if n := served.Add(1); *maxRequests > 0 && n >= int64(*maxRequests) {
				// Let the response go out first.
				time.AfterFunc(200*time.Millisecond, cancel)
			}
		}()
		if r.Method != http.MethodGet {
			writeStatus(w, http.StatusMethodNotAllowed, "MethodNotAllowed", "canned apiserver: only GET is served")
			return
		}
		if !hasParam(r.URL.RawQuery, wantSelector) {
			writeStatus(w, http.StatusBadRequest, "BadRequest",
				fmt.Sprintf("canned apiserver: expected %s in the query, got %q", wantSelector, r.URL.RawQuery))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(podList)
	})
	mux.HandleFunc("/quit", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "bye")
		time.AfterFunc(100*time.Millisecond, cancel)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(os.Stderr, "apiserver: unexpected %s %s\n", r.Method, r.URL.String())
		writeStatus(w, http.StatusNotFound, "NotFound", "canned apiserver: no such path "+r.URL.Path)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	if *addrFile != "" {
		tmp := filepath.Join(filepath.Dir(*addrFile), "."+filepath.Base(*addrFile)+".tmp")
		if err := os.WriteFile(tmp, []byte(base+"\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "apiserver:", err)
			os.Exit(1)
		}
		if err := os.Rename(tmp, *addrFile); err != nil {
			fmt.Fprintln(os.Stderr, "apiserver:", err)
			os.Exit(1)
		}
	}
	fmt.Println(base)

	go func() {
		<-ctx.Done()
		shutdownCtx, c := context.WithTimeout(context.Background(), 2*time.Second)
		defer c()
		_ = srv.Shutdown(shutdownCtx)
	}()
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		fmt.Fprintln(os.Stderr, "apiserver:", err)
		os.Exit(1)
	}
	if context.Cause(ctx) == context.DeadlineExceeded {
		fmt.Fprintln(os.Stderr, "apiserver: timeout reached, exiting")
	}
}
