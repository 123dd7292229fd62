using System.Reflection;
using Fluid;
using Fluid.Ast;

namespace Generator.Theme;

/// Fluid 2.41 keeps a filter's arguments in the parsed template once it has evaluated them,
/// when they are all literals. It decides so while it evaluates them, through a flag every
/// render writes: two pages rendered at once through one template can interleave those
/// writes so that a filter with a variable argument keeps the first page's values, and every
/// page rendered after it shows them (a topic showed another topic's date, from
/// <c>t.published_on | replace: "{date}", when</c>). Each template is settled before a page
/// renders it: a filter with an argument that is not a literal is marked as never kept, which
/// is what Fluid decides for it alone. Fluid 3 decides once, when it parses.
public sealed class SettledFilters : AstVisitor
{
    private static readonly FieldInfo MayKeep = typeof(FilterExpression).GetField("_canBeCached", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Fluid's FilterExpression has no _canBeCached any more: see whether SettledFilters is still needed");

    private SettledFilters()
    {
    }

    /// The template, each filter with a variable argument marked as never kept.
    public static IFluidTemplate Settle(IFluidTemplate template)
    {
        new SettledFilters().VisitTemplate(template);
        return template;
    }

    /// Whether Fluid may still keep this filter's arguments between renders.
    public static bool MayKeepArguments(FilterExpression filter) => (bool)MayKeep.GetValue(filter)!;

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        if (!filterExpression.Parameters.All(p => p.Expression is LiteralExpression))
            MayKeep.SetValue(filterExpression, false);
        return base.VisitFilterExpression(filterExpression);
    }
}
