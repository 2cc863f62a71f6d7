package cli

import (
	"fmt"
	"strings"

	"github.com/dustin/go-humanize"
)

// byteSize is a size on the command line: 16MiB, 500KB, 2000000. It is a
// pflag.Value.
type byteSize int64

// Set parses the flag's value with go-humanize (SI and IEC units).
func (b *byteSize) Set(s string) error {
	n, err := humanize.ParseBytes(s)
	if err != nil || n == 0 || n > 1<<40 {
		return fmt.Errorf("%q is not a size such as 16MiB or 500KB", s)
	}
	*b = byteSize(n)
	return nil
}

// String is the size in IEC units, as the default is shown in help.
func (b *byteSize) String() string {
	return strings.ReplaceAll(humanize.IBytes(uint64(*b)), " ", "")
}

// Type is the value's name in help and errors.
func (b *byteSize) Type() string { return "SIZE" }
