// Command signal is the pflag probe plus what cli.Run does about signals:
// signal.Notify for SIGINT and SIGTERM, then signal.Stop.
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
