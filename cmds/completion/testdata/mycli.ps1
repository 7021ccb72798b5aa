# powershell completion for mycli
# plughost completion v1, printed by "mycli completion powershell".
#
# At each TAB it runs "mycli __complete WORDS..." with the words up to the
# cursor and offers what the tool prints.
#
# Load it in the current session:
#   mycli completion powershell | Out-String | Invoke-Expression
# Load it in every session: add that line to your profile ($PROFILE).

Register-ArgumentCompleter -Native -CommandName 'mycli' -ScriptBlock {
    param($WordToComplete, $CommandAst, $CursorPosition)

    # The words before the one being completed, as the tool will read them.
    $Elements = @($CommandAst.CommandElements)
    $Words = @(foreach ($Element in $Elements) {
        if ($Element.Extent.EndOffset -ge $CursorPosition) { break }
        if ($Element -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
            $Element.Value
        } else {
            $Element.Extent.Text
        }
    })
    if ($Words.Count -eq 0) { return }
    $Program = $Words[0]
    $Words = @($Words | Select-Object -Skip 1)

    # PowerShell before 7.3 drops an empty argument to a native command.
    $Current = $WordToComplete
    if ($Current -eq '' -and ($PSVersionTable.PSVersion -lt [version]'7.3' -or $PSNativeCommandArgumentPassing -eq 'Legacy')) {
        $Current = '""'
    }

    # The words go to the tool as arguments: nothing typed is evaluated.
    # It prints one candidate a line, "value" or "value<TAB>description",
    # and last ":DIRECTIVE", whose bits are 1 error, 2 no space, 4 no
    # files, 8 the candidates are file extensions, 16 directories only and
    # 32 keep the order.
    $Out = @(& $Program __complete @Words $Current 2>$null)
    if ($Out.Count -eq 0) { return }
    if (-not ($Out[-1] -match '^:(\d+)$')) { return }
    $Directive = [int]$Matches[1]
    $Lines = @($Out | Select-Object -First ($Out.Count - 1))

    if ($Directive -band 1) {
        # An empty string keeps PowerShell from offering file names.
        ''
        return
    }
    if ($Directive -band (8 + 16)) {
        # File extensions and directories: PowerShell's own path completion.
        return
    }

    $Values = @(foreach ($Line in $Lines) {
        $Name, $Description = $Line -split "`t", 2
        if ($Name -eq '' -or -not $Name.StartsWith($WordToComplete, [System.StringComparison]::Ordinal)) { continue }
        if (-not $Description) { $Description = $Name }
        [pscustomobject]@{ Name = $Name; Description = $Description }
    })
    if ($Values.Count -eq 0) {
        if ($Directive -band 4) { '' }
        return
    }
    if (-not ($Directive -band 32)) {
        $Values = @($Values | Sort-Object -Property Name -CaseSensitive)
    }

    # A lone candidate is followed by a space, unless the tool said not to.
    $Space = ' '
    if (($Directive -band 2) -or $Values.Count -gt 1) { $Space = '' }
    foreach ($Value in $Values) {
        $Text = $Value.Name
        if ($Text -match '[\s''"`$|&;(){}@#,<>]') {
            $Text = "'" + ($Text -replace "'", "''") + "'"
        }
        [System.Management.Automation.CompletionResult]::new($Text + $Space, $Value.Name, 'ParameterValue', $Value.Description)
    }
}
