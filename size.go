package main

import (
	"fmt"

	"github.com/alecthomas/kong"
	"github.com/dustin/go-humanize"
)

// byteSize is a size on the command line: 16MiB, 500KB, 2000000.
type byteSize int64

// Decode parses the flag's value with go-humanize (SI and IEC units).
func (b *byteSize) Decode(ctx *kong.DecodeContext) error {
	var s string
	if err := ctx.Scan.PopValueInto("size", &s); err != nil {
		return err
	}
	n, err := humanize.ParseBytes(s)
	if err != nil || n == 0 || n > 1<<40 {
		return fmt.Errorf("%q is not a size such as 16MiB or 500KB", s)
	}
	*b = byteSize(n)
	return nil
}
