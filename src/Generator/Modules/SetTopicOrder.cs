using Generator.Content;
using Generator.Engine;

namespace Generator.Modules;

/// Each topic's <see cref="TopicOrder"/>, after translations inherited their language-neutral keys.
public sealed class SetTopicOrder : DocumentModule
{
    protected override Document? Execute(Document input, BuildContext context) =>
        input.Get<PageKind>(Keys.Kind) == PageKind.Topic
            ? input.With(Keys.TopicOrder, TopicOrder.Of(input.Require<FrontMatter>(Keys.FrontMatter)))
            : input;
}
