package diag

// The diagnostic codes. Each is short, stable and kebab-case, so scripts
// and suppressions can rely on it; every one has a row in Rules.
const (
	// Files and encoding.
	ReadError         = "read-error"
	SymlinkDir        = "symlink-dir"
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
	WrongScript         = "wrong-script"
	InvalidPlural       = "invalid-plural"
	MissingPlural       = "missing-plural"
	UnknownPlural       = "unknown-plural"
	StaleExtract        = "stale-extract"
)

// Rule describes one diagnostic code: how severe it is by default, what it
// means in one line, and where the documentation explains it.
type Rule struct {
	Code     string
	Severity Severity
	Summary  string
}

// DocsURL is where the diagnostic codes are documented; each code is an
// anchor on that page.
const DocsURL = "https://github.com/roledoc/roledoc/blob/main/docs/role-format.md"

// Help returns the link to the documentation of the rule's code.
func (r Rule) Help() string { return DocsURL + "#" + r.Code }

// Rules is every diagnostic code roledoc reports, in the order the
// documentation lists them. docs/role-format.md is checked against it.
var Rules = []Rule{
	{ReadError, Error, "a file or directory cannot be read"},
	{SymlinkDir, Warning, "a linked directory is not followed; move the files in or list them"},
	{FileTooLarge, Error, "a role file over 1 MiB or a catalog over 64 MiB"},
	{Encoding, Error, "the file is UTF-16; save it as UTF-8"},
	{InvalidUTF8, Error, "the file holds bytes that are not UTF-8"},
	{BOM, Warning, "the file starts with a byte-order mark"},
	{BinaryFile, Error, "the file holds a NUL byte and looks binary"},
	{UnsupportedFormat, Error, "a TOML catalog; catalogs are YAML"},

	{YAMLSyntax, Error, "the file is not valid YAML"},
	{TabIndent, Error, "a line is indented with a tab; YAML indents with spaces only"},
	{DuplicateKey, Error, "a key appears twice in one mapping"},
	{UnknownField, Error, "a field the format does not have (with a suggestion for typos)"},
	{WrongType, Error, "a list where text belongs, text where a list belongs, and so on"},
	{EmptyFile, Error, "the file has no content"},
	{MultipleDocuments, Error, "the file holds more than one --- document"},
	{YAMLAlias, Error, "anchors and aliases are refused (they allow \"billion laughs\" attacks)"},

	{Required, Error, "a required field or list is missing"},
	{TooShort, Error, "a text is shorter than its minimum"},
	{TooLong, Error, "a text is longer than its maximum"},
	{TooFew, Error, "a list has fewer items than its minimum"},
	{TooMany, Error, "a list has more items than its maximum"},
	{InvalidID, Error, "an id that is not a lowercase slug, too long, or a reserved device name"},
	{InvalidDate, Error, "a date that is not a real YYYY-MM-DD date"},
	{InvalidValue, Error, "a value outside the allowed set (category, education, page size)"},
	{InvalidVersion, Error, "a version that is not like 1.0 or 2026.1"},
	{InvalidText, Error, "text that is blank or holds control characters"},
	{InvalidLanguage, Error, "a language that is not a BCP 47 tag, or a locales directory named otherwise"},
	{OutOfRange, Error, "a number outside its range"},
	{DuplicateID, Error, "two items of one section share an id, or a language is listed twice"},

	{IDMismatch, Error, "the role's id differs from its file name"},
	{DuplicateRole, Error, "two files share a role id, or a position is also a role"},
	{UnknownRole, Error, "a reference to a role or position that does not exist"},
	{UnknownDepartment, Error, "a department that roledoc.yaml does not declare"},
	{UnknownLanguage, Error, "a language in roledoc.yaml that roledoc does not support"},
	{SelfSubstitute, Error, "a role names itself as its substitute"},
	{ReportingCycle, Error, "a loop in reports_to"},
	{TodoText, Error, "a placeholder text from roledoc new that still starts with TODO:"},

	{MissingTranslation, Warning, "no text in this language; the English is shown"},
	{StaleTranslation, Warning, "the English changed since the translation was made"},
	{OrphanKey, Warning, "a catalog message that matches no source; merge drops it"},
	{PlaceholderMismatch, Error, "a translation's {{.Name}} placeholders differ from the English"},
	{BrokenTemplate, Error, "a translation does not parse as a template"},
	{WrongScript, Warning, "text in the wrong script for the language, or identical to the English"},
	{InvalidPlural, Error, "a plural form the language does not have"},
	{MissingPlural, Warning, "a plural form the language needs is missing"},
	{UnknownPlural, Error, "a field that is neither a plural form nor hash or description"},
	{StaleExtract, Warning, "the English source catalog is out of date; run roledoc i18n extract"},
}

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
