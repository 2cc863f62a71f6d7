package main

import (
	"slices"
	"strings"

	"github.com/alecthomas/kong"
)

// cliNode is a command of kong's model, reduced to what shell completion
// and the manual page need, so that both are generated from the CLI struct
// and cannot fall behind it. Hidden commands and flags are left out.
type cliNode struct {
	Path    string // command words joined by spaces; "" for the application
	Name    string
	Help    string
	Aliases []string
	Own     []cliFlag // the flags declared on this command
	// Flags are all the flags accepted here: the ancestors' and the node's
	// own, and at a node with a "withargs" default command, that command's.
	Flags []cliFlag
	Args  []cliArg // positional arguments; a default command's at its parent
	// Default is the command run when none is named (kong's default:"…").
	Default  *cliNode
	WithArgs bool // Default also takes this node's arguments and flags
	Subs     []*cliNode
	Parent   *cliNode
}

// cliFlag is a flag of a cliNode.
type cliFlag struct {
	Of          string // the Path of the command that declares it
	Long        string
	Short       rune
	Aliases     []string // more long names
	Negatable   bool     // --no-LONG is accepted too
	Help        string
	Value       bool   // takes a value
	Placeholder string // the value's name in help: FILE, or text|json for an enum
	Enum        []string
	Files       bool // the value is a path
	Repeat      bool
	Default     string
	Envs        []string
}

// cliArg is a positional argument.
type cliArg struct {
	Name     string
	Help     string
	Enum     []string
	Files    bool
	Repeat   bool
	Required bool
}

// Names are the flag's spellings, long ones first: --long, --alias,
// --no-long, -s.
func (f cliFlag) Names() []string {
	out := []string{"--" + f.Long}
	for _, a := range f.Aliases {
		out = append(out, "--"+a)
	}
	if f.Negatable {
		out = append(out, "--no-"+f.Long)
	}
	if f.Short != 0 {
		out = append(out, "-"+string(f.Short))
	}
	return out
}

// cliTree builds the tree from kong's model.
func cliTree(app *kong.Application) *cliNode {
	return buildNode(app.Node, nil)
}

func buildNode(n *kong.Node, parent *cliNode) *cliNode {
	c := &cliNode{Name: n.Name, Help: n.Help, Aliases: n.Aliases, Parent: parent}
	if parent != nil {
		c.Path = strings.TrimSpace(parent.Path + " " + n.Name)
		c.Flags = slices.Clone(parent.Flags)
	}
	for _, f := range n.Flags {
		if f.Hidden {
			continue
		}
		cf := newFlag(f)
		cf.Of = c.Path
		c.Own = append(c.Own, cf)
		c.Flags = append(c.Flags, cf)
	}
	for _, p := range n.Positional {
		c.Args = append(c.Args, newArg(p))
	}
	for _, child := range n.Children {
		if child.Hidden || child.Type != kong.CommandNode {
			continue
		}
		sub := buildNode(child, c)
		c.Subs = append(c.Subs, sub)
		if n.DefaultCmd == child {
			c.Default = sub
			c.WithArgs = child.Tag.Default == "withargs"
		}
	}
	if c.Default != nil && c.WithArgs {
		c.Flags = append(c.Flags, c.Default.Own...)
		c.Args = append(c.Args, c.Default.Args...)
	}
	return c
}

func newFlag(f *kong.Flag) cliFlag {
	cf := cliFlag{
		Long: f.Name, Short: f.Short, Aliases: f.Aliases, Help: f.Help,
		Negatable: f.Tag.Negatable != "",
		Value:     !f.IsBool() && !f.IsCounter(),
		Repeat:    f.IsCumulative() || f.IsCounter(),
		Files:     isPathType(f.Tag.Type),
		Envs:      f.Envs,
	}
	if f.Enum != "" {
		cf.Enum = f.EnumSlice()
	} else if strings.Contains(f.PlaceHolder, "|") {
		// A flag checked by its command rather than by kong (--style,
		// whose default comes from the config) lists its choices here.
		cf.Enum = strings.Split(f.PlaceHolder, "|")
	}
	if cf.Value {
		switch {
		case f.PlaceHolder != "":
			cf.Placeholder = f.PlaceHolder
		case len(cf.Enum) > 0:
			cf.Placeholder = strings.Join(cf.Enum, "|")
		default:
			cf.Placeholder = strings.ToUpper(f.Name)
		}
	}
	if f.HasDefault {
		cf.Default = f.Default
	}
	return cf
}

func newArg(p *kong.Positional) cliArg {
	a := cliArg{Name: p.Name, Help: p.Help, Repeat: p.IsCumulative(), Required: p.Required}
	if p.Enum != "" {
		a.Enum = p.EnumSlice()
	}
	// An argument named path (or id|path, or file) takes files.
	a.Files = isPathType(p.Tag.Type) || len(a.Enum) == 0 && slices.ContainsFunc(strings.Split(p.Name, "|"), func(s string) bool {
		return strings.Contains(s, "path") || strings.Contains(s, "file")
	})
	return a
}

func isPathType(t string) bool {
	switch t {
	case "path", "existingfile", "existingdir", "filecontent":
		return true
	}
	return false
}

// walk calls fn on n and every command below it, parents first.
func (n *cliNode) walk(fn func(*cliNode)) {
	fn(n)
	for _, s := range n.Subs {
		s.walk(fn)
	}
}

// words are the names that select the command: its name and aliases.
func (n *cliNode) words() []string {
	return append([]string{n.Name}, n.Aliases...)
}
