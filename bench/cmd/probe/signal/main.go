// Command signal is the pflag probe plus what cli.Run does about signals
// once a command has run for 5 ms: signal.Notify for SIGINT and SIGTERM,
// then signal.Stop. It is the price a longer command pays for them.
package main

import (
	"os"
	"os/signal"
	"syscall"

	_ "github.com/spf13/pflag"
)

func main() {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	signal.Stop(sigs)
}
