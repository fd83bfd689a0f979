// Package roledoc holds what ships inside the binary: the version and the
// default project (roles, locales, templates and configuration) that is used
// when the working directory has none of its own.
package roledoc

import "embed"

// Version is the roledoc release. It is part of every output's inputs, so a
// new release re-renders documents; set it at link time with
// -ldflags "-X github.com/roledoc/roledoc.Version=...".
var Version = "0.1.0"

// Defaults is the embedded default project.
//
//go:embed roledoc.yaml roles locales templates
var Defaults embed.FS
