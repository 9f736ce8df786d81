// Command ferretdb-embedded runs FerretDB v1 with its SQLite backend.
//
// Upstream's cmd/ferretdb panics when built with `go install` because its
// build/version/version.txt is missing (FerretDB#2982); embedding the library
// package avoids that file entirely.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data-dir", "./data", "directory for the SQLite files")
	flag.Parse()

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("data dir: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatalf("data dir: %v", err)
	}

	db, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Handler:  "sqlite",
		// WAL with synchronous=NORMAL: a commit no longer waits for its own fsync (the WAL is
		// synced at checkpoints), as MongoDB acknowledges a default write before its journal is
		// flushed. Safe against a crashed or killed process; an operating system crash or power
		// cut may lose the last commits. The embedded database is for development and tests.
		SQLiteURL: "file:" + dir + "/?_pragma=synchronous(normal)",
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	log.Printf("ferretdb listening on %s, data in %s", *listen, dir)
	db.Run(ctx)
	log.Printf("ferretdb stopped")
}
