; Inno Setup script: a per-user installer for the bundle made by scripts/build_bundle.py.
; Build on Windows: python scripts/build_bundle.py, then  iscc packaging\windows\baogao.iss
; No administrator rights are needed: it installs under the user's own AppData.
#define AppName "报告起草助手"
#define AppVersion GetEnv("BAOGAO_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E1F6C2B-7C1E-4E43-9C7B-2B9A4F0C8D11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppName}
DefaultDirName={localappdata}\Programs\baogao-qicao
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=报告起草助手-安装程序-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
UninstallDisplayIcon={app}\baogao.exe

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\baogao\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\baogao.exe"
Name: "{group}\卸载{#AppName}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\baogao.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "附加任务："

[Registry]
; Double-clicking a .draft.json draft opens it in the app (per user, HKCU).
Root: HKCU; Subkey: "Software\Classes\.draft.json"; ValueType: string; ValueName: ""; ValueData: "BaogaoQicao.Draft"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\BaogaoQicao.Draft"; ValueType: string; ValueName: ""; ValueData: "报告起草助手草稿"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\BaogaoQicao.Draft\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\baogao.exe,0"
Root: HKCU; Subkey: "Software\Classes\BaogaoQicao.Draft\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\baogao.exe"" ""%1"""

[Run]
Filename: "{app}\baogao.exe"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent
