// Package seeds embeds the sample documents that Rostrum opens when it is
// run without a path.
package seeds

import (
	"embed"
	"io/fs"
)

//go:embed *.txt
var files embed.FS

// FS returns the embedded seed documents as a read-only file system.
func FS() fs.FS { return files }
