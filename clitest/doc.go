// Package clitest is a test kit for plughost tools and plugins, as
// net/http/httptest is for handlers.
//
// A tool's test runs the tool as its user would and compares what the user
// sees:
//
//	func TestGreet(t *testing.T) {
//		t.Parallel()
//		got := clitest.Run(t, newHost, []string{"greet", "--shout"},
//			clitest.Env(map[string]string{"MYTOOL_GREETER": "pirate"}))
//		want := clitest.Output{Code: 0, Stdout: "AHOY, WORLD!\n"}
//		if diff := cmp.Diff(want, got.Output); diff != "" {
//			t.Errorf("greet (-want +got):\n%s", diff)
//		}
//	}
//
// Run builds a fresh host with the tool's own constructor for each run,
// since a plugin value serves one run, and runs it hermetically: streams
// are buffers, and the environment and config files are only what the
// options Env and Files give. It returns the exit code and the output as
// cli.Run would show them (Output), the error Host.Main returned, and with
// the Sources option where each flag took its value from. Golden compares
// help and other long output with files under testdata/, rewritten by go
// test -update (declare the flag with UpdateFlag). Complete asks what a
// TAB completes.
//
// A plugin's test builds the plugins around it in one line each, from
// adapters that implement one interface of package plugins apiece, as
// http.HandlerFunc implements http.Handler: Command, Flags (a plugin
// lending flags), GlobalFlags and Hooks, or a struct embedding the
// adapters it needs (Named, MainFunc, FlagsFunc, About, Args, Subs, Scope,
// Fed...). Conform checks a plugin against what every host expects of it:
// a name a user can type, no panic on any method, a working zero value,
// a fresh flag set per call, a Main that returns when cancelled, and no
// output, flags or goroutines left in the process.
//
// ifaces.go lists the interfaces Conform listens for. Like the rest of
// plughost, clitest keeps no state between calls and declares nothing when
// imported. It touches the process in two places, each a test's to ask
// for: UpdateFlag declares -update on the process's flag set (Golden and
// Conform only read it), and Conform swaps os.Stdout and os.Stderr while
// it calls a plugin, which is why Conform must not run beside parallel
// tests.
package clitest
