// Command empty is a Go program that does nothing: the cost of a process.
package main

func main() {}
