using Generator.Cli;
using Generator.Engine;

namespace Generator.Tests.Unit;

// Issue 12 (outside look) and 13: what content puts in a diagnostic is printed as text,
// one diagnostic per line, and a flood of one code is capped with a count.
public sealed class DiagnosticPrinterTests
{
    private static readonly Diagnostic Hostile = new("GEN011", Severity.Error, new SourcePosition("input/en/a\nb.md", 3, 1), "unknown key 'ti\u001B[31mtel'\nsecond line");

    [Fact]
    public void Text_shows_control_characters_and_line_breaks_as_escapes()
    {
        var text = new StringWriter();

        new DiagnosticPrinter(text, "text", color: false).Print(Hostile);

        Assert.Equal("input/en/a\\u000Ab.md(3,1): error GEN011: unknown key 'ti\\u001B[31mtel'\\u000Asecond line" + Environment.NewLine, text.ToString());
    }

    [Fact]
    public void GitHub_escapes_line_breaks_its_way_and_shows_other_controls()
    {
        Assert.Equal("::error file=input/en/a%0Ab.md,line=3,col=1,title=GEN011::unknown key 'ti\\u001B[31mtel'%0Asecond line", DiagnosticPrinter.GitHub(Hostile));
    }

    [Fact]
    public void Each_code_shows_its_first_twenty_and_counts_the_rest()
    {
        var text = new StringWriter();
        var many = Enumerable.Range(1, 25).Select(i => new Diagnostic("GEN020", Severity.Error, new SourcePosition("input/en/a.md", i, 1), "broken")).ToList();

        new DiagnosticPrinter(text, "text", color: false).PrintAll(many);

        var lines = text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(21, lines.Length);
        Assert.Equal("input/en/a.md(20,1): error GEN020: broken", lines[19]);
        Assert.Equal("… and 5 more GEN020 errors not shown; --format json lists every diagnostic", lines[20]);
    }
}
