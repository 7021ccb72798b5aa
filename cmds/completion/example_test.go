package completion_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/cmds/completion"
	"github.com/plughost/plughost/plugins"
)

// A tool opts into shell completion by prepending the completion command
// and the hidden __complete commands the scripts call back.
func Example() {
	h := cli.New("mytool")
	h.Plugins = append([]plugins.Plugin{
		&completion.Cmd{},
		&completion.Complete{},
		&completion.Complete{NoDesc: true},
	}, h.Plugins...)
	h.Stdout = os.Stdout
	// What a script runs when the user types "mytool ver<TAB>".
	if err := h.Main(context.Background(), []string{"__complete", "ver"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// version	print the version of the tool
	// :4
}

// __completeNoDesc prints the same candidates without descriptions.
func ExampleComplete_noDesc() {
	h := cli.New("mytool")
	h.Plugins = append([]plugins.Plugin{&completion.Complete{}, &completion.Complete{NoDesc: true}}, h.Plugins...)
	h.Stdout = os.Stdout
	if err := h.Main(context.Background(), []string{"__completeNoDesc", "ver"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// version
	// :4
}

// The completion command prints the script of a shell for its host's
// tool.
func ExampleCmd() {
	var out bytes.Buffer
	h := cli.New("mytool")
	h.Plugins = append([]plugins.Plugin{&completion.Cmd{}, &completion.Complete{}}, h.Plugins...)
	h.Stdout = &out
	if err := h.Main(context.Background(), []string{"completion", "fish"}); err != nil {
		fmt.Println(err)
	}
	lines := strings.Split(out.String(), "\n")
	fmt.Println(strings.Join(lines[:2], "\n"))
	// Output:
	// # fish completion for mytool
	// # plughost completion v1, printed by "mytool completion fish".
}

func ExampleScript() {
	script, err := completion.Script("bash", "mytool")
	if err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(strings.TrimSpace(script), "\n")
	fmt.Println(lines[len(lines)-1])

	_, err = completion.Script("bash", "my tool")
	fmt.Println(err)
	// Output:
	// complete -o default -F __mytool_complete mytool
	// tool name "my tool" cannot go in a completion script: want a plain word of letters, digits, "_", "-", "." and "+"
}
