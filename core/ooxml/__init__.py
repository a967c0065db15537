"""Office Open XML below every layer that reads or writes Word files: the namespaces and the
element names (names.py; word_names.py for either of Word's two namespaces), the guarded
package reader (guards.py: the file's size, the zip's declared sizes, XML without a DTD),
the parts of a Word package (package.py) and symbol-font characters (symbols.py) — shared by
import, render and review so each is spelled and guarded once."""
