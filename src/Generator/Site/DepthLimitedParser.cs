using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Generator.Site;

/// YamlDotNet's event parser keeps its own stack, but the representation model it feeds
/// recurses once per nesting level, so 50,000 '[' overflow the process's stack (an
/// exception .NET cannot catch). This parser counts the depth of the events it hands on
/// and stops at <see cref="YamlText.DepthLimit"/>, before the model goes any deeper.
internal sealed class DepthLimitedParser(IParser inner, int limit) : IParser
{
    private int depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
            return false;
        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++depth > limit:
                throw new TooDeepException(inner.Current.Start);
            case MappingEnd or SequenceEnd:
                depth--;
                break;
        }

        return true;
    }

    /// Where the first list or set of keys beyond the limit opens.
    internal sealed class TooDeepException(Mark start) : Exception("YAML nested too deeply")
    {
        public Mark Start { get; } = start;
    }
}
