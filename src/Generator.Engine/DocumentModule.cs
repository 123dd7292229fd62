using Generator.Engine.Modules;

namespace Generator.Engine;

/// A step applied to each document on its own: in a session, a document whose fingerprint
/// and recorded reads are unchanged gets its earlier output and diagnostics back without
/// running. <typeparamref name="TState"/> is what the step prepares once per build from
/// all inputs (the site's lists, say); a document sees it only through
/// <see cref="BuildContext.DependOn"/> lookups, which <see cref="ExpandModule{TState}.Lookup"/>
/// answers again in the next build, so a reuse is checked against exactly what was read.
public abstract class DocumentModule<TState> : ExpandModule<TState>
{
    /// One document: its output, or null to leave it out.
    protected abstract Document? Execute(Document input, TState state, BuildContext context);

    protected sealed override IReadOnlyList<Document> Expand(Document input, TState state, BuildContext context) =>
        Execute(input, state, context) is { } output ? [output] : [];
}

/// A step applied to each document on its own, with nothing prepared for all of them.
public abstract class DocumentModule : DocumentModule<object?>
{
    protected sealed override object? Prepare(IReadOnlyList<Document> inputs, BuildContext context) => null;

    protected sealed override Document? Execute(Document input, object? state, BuildContext context) => Execute(input, context);

    protected abstract Document? Execute(Document input, BuildContext context);
}

/// A step that makes any number of documents from each document on its own (the files
/// that go beside a page, say, or the pages of one list): in a session, an input whose
/// fingerprint and recorded reads are unchanged gets its earlier outputs and diagnostics
/// back without running, so a save makes again only the documents of the inputs it reached.
public abstract class ExpandModule<TState> : IModule, IDocumentStep
{
    /// Once per build, before any document.
    protected abstract TState Prepare(IReadOnlyList<Document> inputs, BuildContext context);

    /// The metadata <see cref="Prepare"/> reads of its inputs, or null for all of them. When
    /// set, Prepare sees each input with those keys alone (and no content), and a session
    /// keeps the state it made while those keys of every input, and what else Prepare read
    /// through the context, are unchanged.
    protected virtual IReadOnlyList<string>? PrepareReads => null;

    /// The documents made from one input (none to leave it out).
    protected abstract IReadOnlyList<Document> Expand(Document input, TState state, BuildContext context);

    /// The current value of a key a document read with <see cref="BuildContext.DependOn"/>.
    protected virtual object? Lookup(string key, TState state) =>
        throw new InvalidOperationException($"{GetType().Name} recorded '{key}' but cannot look it up");

    /// After every document, over all outputs (reused or new): diagnostics about many pages at once.
    protected virtual void Finish(IReadOnlyList<Document> outputs, TState state, BuildContext context)
    {
    }

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
    {
        var state = Prepare(PrepareReads is { } keys ? Projection.All(inputs, keys, Projection.Name(keys)) : inputs, context);
        var made = ParallelMap.Run(inputs, context.CancellationToken, doc => Expand(doc, state, context));
        IReadOnlyList<Document> outputs = [.. made.SelectMany(d => d)];
        Finish(outputs, state, context);
        return Task.FromResult(outputs);
    }

    object? IDocumentStep.Prepare(IReadOnlyList<Document> inputs, BuildContext context) => Prepare(inputs, context);

    IReadOnlyList<string>? IDocumentStep.PrepareReads => PrepareReads;

    IReadOnlyList<Document> IDocumentStep.Execute(Document input, object? state, BuildContext context) => Expand(input, (TState)state!, context);

    object? IDocumentStep.Lookup(string key, object? state) => Lookup(key, (TState)state!);

    void IDocumentStep.Finish(IReadOnlyList<Document> outputs, object? state, BuildContext context) => Finish(outputs, (TState)state!, context);
}

internal interface IDocumentStep
{
    object? Prepare(IReadOnlyList<Document> inputs, BuildContext context);

    /// The keys <see cref="Prepare"/> reads of each input, or null for whole documents.
    IReadOnlyList<string>? PrepareReads { get; }

    /// The documents made from one input: one, or none to leave it out, for a <see cref="DocumentModule{TState}"/>.
    IReadOnlyList<Document> Execute(Document input, object? state, BuildContext context);

    object? Lookup(string key, object? state);

    void Finish(IReadOnlyList<Document> outputs, object? state, BuildContext context);
}
