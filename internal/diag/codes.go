package diag

// The diagnostic codes. Each is short, stable and kebab-case, so scripts
// and suppressions can rely on it; every one has a row in Rules.
const (
	// Files and encoding.
	ReadError         = "read-error"
	SymlinkDir        = "symlink-dir"
	NotRegularFile    = "not-regular-file"
	OutsideRoot       = "outside-root"
	FileTooLarge      = "file-too-large"
	Encoding          = "encoding"
	InvalidUTF8       = "invalid-utf8"
	BOM               = "bom"
	BinaryFile        = "binary-file"
	UnsupportedFormat = "unsupported-format"

	// YAML structure.
	YAMLSyntax        = "yaml-syntax"
	TabIndent         = "tab-indent"
	DuplicateKey      = "duplicate-key"
	UnknownField      = "unknown-field"
	WrongType         = "wrong-type"
	EmptyFile         = "empty-file"
	MultipleDocuments = "multiple-documents"
	YAMLAlias         = "yaml-alias"

	// Values.
	Required        = "required"
	TooShort        = "too-short"
	TooLong         = "too-long"
	TooFew          = "too-few"
	TooMany         = "too-many"
	InvalidID       = "invalid-id"
	InvalidDate     = "invalid-date"
	InvalidValue    = "invalid-value"
	InvalidVersion  = "invalid-version"
	InvalidText     = "invalid-text"
	BidiControl     = "bidi-control"
	InvisibleText   = "invisible-text"
	MissingGlyph    = "missing-glyph"
	InvalidLanguage = "invalid-language"
	OutOfRange      = "out-of-range"
	DuplicateID     = "duplicate-id"

	// The project as a whole.
	IDMismatch        = "id-mismatch"
	DuplicateRole     = "duplicate-role"
	UnknownRole       = "unknown-role"
	UnknownDepartment = "unknown-department"
	UnknownLanguage   = "unknown-language"
	SelfSubstitute    = "self-substitute"
	ReportingCycle    = "reporting-cycle"
	TodoText          = "todo-text"

	// Translations.
	MissingTranslation  = "missing-translation"
	StaleTranslation    = "stale-translation"
	OrphanKey           = "orphan-key"
	PlaceholderMismatch = "placeholder-mismatch"
	BrokenTemplate      = "broken-template"
	TemplateCode        = "template-code"
	WrongScript         = "wrong-script"
	InvalidPlural       = "invalid-plural"
	MissingPlural       = "missing-plural"
	UnknownPlural       = "unknown-plural"
	StaleExtract        = "stale-extract"
	ObsoleteTranslation = "obsolete-translation"
	GlossaryTerm        = "glossary-term"

	// Change control.
	InvalidDigest        = "invalid-digest"
	ChangedAfterApproval = "changed-after-approval"
	VersionNotBumped     = "version-not-bumped"
	VersionDecreased     = "version-decreased"
)

// Rule describes one diagnostic code: how severe it is by default, what it
// means in one line, and where the documentation explains it.
type Rule struct {
	Code     string
	Severity Severity
	Summary  string
	// Translation marks warnings about translation completeness, which
	// --strict leaves alone: a new role is valid before it is translated.
	Translation bool
}

// DocsURL is where the diagnostic codes are documented; each code is an
// anchor on that page.
const DocsURL = "https://github.com/roledoc/roledoc/blob/main/docs/role-format.md"

// Help returns the link to the documentation of the rule's code.
func (r Rule) Help() string { return DocsURL + "#" + r.Code }

// Rules is every diagnostic code roledoc reports, in the order the
// documentation lists them. docs/role-format.md is checked against it.
var Rules = []Rule{
	errorRule(ReadError, "a file or directory cannot be read"),
	warningRule(SymlinkDir, "a linked directory is not followed; move the files in or list them"),
	errorRule(NotRegularFile, "a FIFO, device or socket where a file belongs; it is not opened"),
	errorRule(OutsideRoot, "a symbolic link that leads outside the project root; it is not read"),
	errorRule(FileTooLarge, "a role file over 1 MiB or a catalog over 64 MiB"),
	errorRule(Encoding, "the file is UTF-16; save it as UTF-8"),
	errorRule(InvalidUTF8, "the file holds bytes that are not UTF-8"),
	warningRule(BOM, "the file starts with a byte-order mark"),
	errorRule(BinaryFile, "the file holds a NUL byte and looks binary"),
	errorRule(UnsupportedFormat, "a TOML catalog; catalogs are YAML"),

	errorRule(YAMLSyntax, "the file is not valid YAML"),
	errorRule(TabIndent, "a line is indented with a tab; YAML indents with spaces only"),
	errorRule(DuplicateKey, "a key appears twice in one mapping"),
	errorRule(UnknownField, "a field the format does not have (with a suggestion for typos)"),
	errorRule(WrongType, "a list where text belongs, text where a list belongs, and so on"),
	errorRule(EmptyFile, "the file has no content"),
	errorRule(MultipleDocuments, "the file holds more than one --- document"),
	errorRule(YAMLAlias, "anchors and aliases are refused (they allow \"billion laughs\" attacks)"),

	errorRule(Required, "a required field or list is missing"),
	errorRule(TooShort, "a text is shorter than its minimum"),
	errorRule(TooLong, "a text is longer than its maximum"),
	errorRule(TooFew, "a list has fewer items than its minimum"),
	errorRule(TooMany, "a list has more items than its maximum"),
	errorRule(InvalidID, "an id that is not a lowercase slug, too long, or a reserved device name"),
	errorRule(InvalidDate, "a date that is not a real YYYY-MM-DD date"),
	errorRule(InvalidValue, "a value outside the allowed set (category, education, page size)"),
	errorRule(InvalidVersion, "a version that is not like 1.0 or 2026.1"),
	errorRule(InvalidText, "text that is blank or holds control characters"),
	errorRule(BidiControl, "a bidi override or isolate (U+202A-202E, U+2066-2069) that shows text in another order than it is stored"),
	errorRule(InvisibleText, "a title or item that is empty once invisible characters are removed"),
	warningRule(MissingGlyph, "a character the PDF fonts cannot draw; it prints as a box"),
	errorRule(InvalidLanguage, "a language that is not a BCP 47 tag, or a locales directory named otherwise"),
	errorRule(OutOfRange, "a number outside its range"),
	errorRule(DuplicateID, "two items of one section share an id, or a language is listed twice"),

	errorRule(IDMismatch, "the role's id differs from its file name"),
	errorRule(DuplicateRole, "two files share a role id, or a position is also a role"),
	errorRule(UnknownRole, "a reference to a role or position that does not exist"),
	errorRule(UnknownDepartment, "a department that roledoc.yaml does not declare"),
	errorRule(UnknownLanguage, "a language in roledoc.yaml that roledoc does not support"),
	errorRule(SelfSubstitute, "a role names itself as its substitute"),
	errorRule(ReportingCycle, "a loop in reports_to"),
	errorRule(TodoText, "a placeholder text from roledoc new that still starts with TODO:"),

	translationRule(MissingTranslation, "no text in this language; the English is shown"),
	translationRule(StaleTranslation, "the English changed since the translation was made"),
	translationRule(OrphanKey, "a catalog message that matches no source; merge moves its translation to a renamed message or to obsolete/"),
	errorRule(PlaceholderMismatch, "a translation's {{.Name}} placeholders differ from the English"),
	errorRule(BrokenTemplate, "a translation does not parse as a template"),
	errorRule(TemplateCode, "a translation holds template code (a loop, a function, {{.}}); only {{.Name}} placeholders are allowed"),
	translationRule(WrongScript, "text in the wrong script for the language, or identical to the English"),
	errorRule(InvalidPlural, "a plural form the language does not have"),
	translationRule(MissingPlural, "a plural form the language needs is missing"),
	errorRule(UnknownPlural, "a field that is neither a plural form nor hash or description"),
	translationRule(StaleExtract, "the English source catalog is out of date; run roledoc i18n extract"),
	translationRule(ObsoleteTranslation, "translations kept in obsolete/ from messages that are gone; they come back if the message does"),
	translationRule(GlossaryTerm, "a glossary term is in the English but none of its accepted translations is in the translation"),

	errorRule(InvalidDigest, "an approval record's digest was not written by roledoc approve"),
	warningRule(ChangedAfterApproval, "the role's content changed since its latest approval (a new version awaits approval, or the approved one was edited)"),
	errorRule(VersionNotBumped, "with --base: the printed content changed but the version did not"),
	errorRule(VersionDecreased, "with --base: the version is lower than in the base"),
}

func errorRule(code, summary string) Rule   { return Rule{code, Error, summary, false} }
func warningRule(code, summary string) Rule { return Rule{code, Warning, summary, false} }

// translationRule is a warning about translation completeness.
func translationRule(code, summary string) Rule { return Rule{code, Warning, summary, true} }

var rulesByCode = func() map[string]Rule {
	m := make(map[string]Rule, len(Rules))
	for _, r := range Rules {
		m[r.Code] = r
	}
	return m
}()

// RuleFor returns the rule of a code.
func RuleFor(code string) (Rule, bool) {
	r, ok := rulesByCode[code]
	return r, ok
}
