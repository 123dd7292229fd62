namespace Generator.Engine.Modules;

/// Maps documents concurrently and returns the results in input order, so output never
/// depends on which thread finished first.
public static class ParallelMap
{
    public static IReadOnlyList<TOut> Run<TIn, TOut>(IReadOnlyList<TIn> inputs, CancellationToken cancel, Func<TIn, TOut> map)
    {
        var results = new TOut[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = cancel }, i => results[i] = map(inputs[i]));
        return results;
    }
}
