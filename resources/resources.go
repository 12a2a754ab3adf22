// Package resources embeds what Logis ships inside its executable: the icon,
// the French wording of the toolkit's own dialogs, fonts and letter wording.
package resources

import _ "embed"

// Icon is the application icon (PNG, 256 × 256).
//
//go:embed icon.png
var Icon []byte

// FyneFrench translates the toolkit's own buttons and dialogs into French.
//
//go:embed fyne-fr.json
var FyneFrench []byte
