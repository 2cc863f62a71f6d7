package cli

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// enumFlag is a string flag that takes one of a few values; any other is
// refused while parsing, with the values it could have been.
type enumFlag struct {
	value   *string
	allowed []string
}

// addEnum declares the flag name (with the shorthand short, if any) that
// takes one of allowed, the first being the default, and completes them.
func addEnum(cmd *cobra.Command, p *string, name, short, usage string, allowed ...string) {
	*p = allowed[0]
	cmd.Flags().VarP(&enumFlag{p, allowed}, name, short, usage)
	completeValues(cmd, name, allowed...)
}

func (e *enumFlag) Set(v string) error {
	if !slices.Contains(e.allowed, v) {
		return fmt.Errorf("must be one of %s but got %q", quoteAll(e.allowed), v)
	}
	*e.value = v
	return nil
}

func (e *enumFlag) String() string { return *e.value }

// Type is the value's name in help: the values, as in text|json.
func (e *enumFlag) Type() string { return strings.Join(e.allowed, "|") }

// quoteAll quotes values and joins them with commas: "text","json".
func quoteAll(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ",")
}

// completeValues makes the shell complete the flag's value with values,
// and never with file names.
func completeValues(cmd *cobra.Command, flag string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// noValueCompletion says the flag's value is typed, not completed (a
// number, an ID): the shell offers nothing, not even file names.
func noValueCompletion(cmd *cobra.Command, flag string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.NoFileCompletions)
}

// argsUsage wraps an argument check's error as a mistake on the command
// line.
func argsUsage(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// completeRootArgs completes the reader's paths. Where the first one goes
// cobra also offers the commands, and the shells complete file names
// only when nothing else is offered, so the files and folders there are
// listed here (folders end in /); after it the shell completes them.
func completeRootArgs(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	dir, base := filepath.Split(toComplete)
	entries, err := os.ReadDir(cmp.Or(dir, "."))
	if err != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	var out []cobra.Completion
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if info, err := os.Stat(filepath.Join(cmp.Or(dir, "."), name)); err == nil && info.IsDir() {
			name += "/"
		}
		out = append(out, dir+name)
	}
	if len(out) == 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	if len(out) == 1 && strings.HasSuffix(out[0], "/") {
		// A folder: the path goes on inside it.
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
