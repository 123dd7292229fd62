namespace Generator.Engine;

/// Checks pipeline names and dependencies before anything runs.
public static class PipelineGraph
{
    /// Plain sentences for duplicate names, unknown dependencies and cycles; empty when the graph is sound.
    public static IReadOnlyList<string> Problems(IReadOnlyList<Pipeline> pipelines)
    {
        var problems = new List<string>();
        var byName = new Dictionary<string, Pipeline>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            if (!byName.TryAdd(pipeline.Name, pipeline))
                problems.Add($"Two pipelines are named '{pipeline.Name}'; give each pipeline its own name.");
        }

        foreach (var pipeline in pipelines)
        {
            foreach (var dependency in pipeline.Dependencies.Where(d => !byName.ContainsKey(d)))
            {
                problems.Add(
                    $"Pipeline '{pipeline.Name}' depends on '{dependency}', which does not exist; " +
                    $"known pipelines are {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"))}.");
            }
        }

        if (problems.Count == 0 && FindCycle(pipelines, byName) is { } cycle)
            problems.Add($"Pipelines depend on each other in a cycle: {string.Join(" → ", cycle.Select(n => $"'{n}'"))}.");
        return problems;
    }

    private static List<string>? FindCycle(IReadOnlyList<Pipeline> pipelines, Dictionary<string, Pipeline> byName)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();

        List<string>? Visit(string name)
        {
            state[name] = 1;
            path.Add(name);
            foreach (var dependency in byName[name].Dependencies)
            {
                var seen = state.GetValueOrDefault(dependency);
                if (seen == 1)
                    return [.. path.Skip(path.IndexOf(dependency)), dependency];
                if (seen == 0 && Visit(dependency) is { } cycle)
                    return cycle;
            }

            path.RemoveAt(path.Count - 1);
            state[name] = 2;
            return null;
        }

        foreach (var pipeline in pipelines)
        {
            if (!state.ContainsKey(pipeline.Name) && Visit(pipeline.Name) is { } cycle)
                return cycle;
        }

        return null;
    }

    /// True when <paramref name="from"/> depends on <paramref name="to"/>, directly or not.
    public static bool DependsOn(IReadOnlyDictionary<string, Pipeline> byName, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(byName[from].Dependencies);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (next == to)
                return true;
            if (seen.Add(next) && byName.TryGetValue(next, out var pipeline))
            {
                foreach (var dependency in pipeline.Dependencies)
                    stack.Push(dependency);
            }
        }

        return false;
    }
}
