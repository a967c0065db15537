"""The docks beside the editor (上年参考, 预览, 待核实, 资料库, 检查), their shared base and the
host that builds and lays them out."""
