package plugflag_test

import (
	"errors"
	"flag"
	"fmt"

	"github.com/plughost/plughost/plugins/plugflag"
)

// A command declares -e beside --env on one variable, so -e becomes the
// shorthand of --env; -q has no twin and stays a flag of its own.
func ExampleOwn() {
	var env string
	var quiet bool
	fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fs.StringVar(&env, "env", "staging", "where to deploy")
	fs.StringVar(&env, "e", "staging", "where to deploy")
	fs.BoolVar(&quiet, "q", false, "say less")

	flags, err := plugflag.Own("deploy", fs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range flags {
		fmt.Printf("-%s, --%s: %s\n", f.Shorthand, f.Name, f.Usage)
	}
	// Output:
	// -e, --env: where to deploy
	// -q, --q: say less
}

// A plugin named "cloud/aws" lends its --region to the commands that scope
// it as --aws-region; its -r twin is not lent.
func ExampleLent() {
	var region string
	fs := flag.NewFlagSet("aws", flag.ContinueOnError)
	fs.StringVar(&region, "region", "eu-west-1", "the AWS region")
	fs.StringVar(&region, "r", "eu-west-1", "the AWS region")

	flags, err := plugflag.Lent("cloud/aws", fs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range flags {
		fmt.Printf("--%s: %s\n", f.Name, f.Usage)
	}

	// Setting the lent flag sets the plugin's field.
	if err := flags[0].Value.Set("us-east-2"); err != nil {
		fmt.Println(err)
	}
	fmt.Println(region)
	// Output:
	// --aws-region: the AWS region
	// us-east-2
}

// Merge joins a command's own flags with those lent to it, and reports a
// clash naming both plugins, whatever the order of the groups.
func ExampleMerge() {
	lend := func(plugin, name string) []plugflag.Flag {
		fs := flag.NewFlagSet(plugin, flag.ContinueOnError)
		fs.Bool(name, false, "")
		flags, _ := plugflag.Lent(plugin, fs)
		return flags
	}
	own := []plugflag.Flag{{Name: "env", Shorthand: "e", Plugin: "deploy"}}

	flags, err := plugflag.Merge(own, lend("log", "json"))
	fmt.Println(len(flags), err)

	// "foo" lending --bar-baz and "foo-bar" lending --baz both make
	// --foo-bar-baz.
	_, err = plugflag.Merge(own, lend("foo", "bar-baz"), lend("foo-bar", "baz"))
	fmt.Println(err)
	_, err = plugflag.Merge(lend("foo-bar", "baz"), own, lend("foo", "bar-baz"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, plugflag.ErrDuplicateFlag))
	// Output:
	// 2 <nil>
	// duplicate flag: --foo-bar-baz is declared by both plugin "foo" and plugin "foo-bar"
	// duplicate flag: --foo-bar-baz is declared by both plugin "foo" and plugin "foo-bar"
	// true
}

func ExampleCount() {
	var verbose int
	fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fs.Var(plugflag.Count(&verbose), "v", "say more; repeat for more still")

	if err := fs.Parse([]string{"-v", "-v", "-v"}); err != nil {
		fmt.Println(err)
	}
	fmt.Println(verbose)

	if err := fs.Parse([]string{"-v=5"}); err != nil {
		fmt.Println(err)
	}
	fmt.Println(verbose)
	// Output:
	// 3
	// 5
}

func ExampleStrings() {
	tags := []string{"latest"}
	fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
	tag := plugflag.Strings(&tags)
	fs.Var(tag, "tag", "tag the release; repeatable")

	// The default is what the variable held when the flag was declared.
	fmt.Println(fs.Lookup("tag").DefValue)

	// The first tag given replaces the default; later ones add to it.
	if err := fs.Parse([]string{"-tag", "v1.2", "-tag", "stable, for now"}); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("%q\n", tags)
	fmt.Println(tag)
	// Output:
	// latest
	// ["v1.2" "stable, for now"]
	// v1.2,"stable, for now"
}
