"""The editor page: the outline tree, the section form and the 报告信息 form, with the 待核实
marks painted in their fields. Widgets edit the draft only through gui.document."""
