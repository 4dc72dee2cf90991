using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>How <see cref="JsonMutator"/> damages a body.</summary>
public enum Mutation
{
    DeleteMember,
    SetNull,
    ChangeType,
    Truncate,
    InsertBytes,
    ReplaceBytes,
    EmptyString,
    LongString,
    ControlString,
    DuplicateMember,
    NestDeeper,
}

/// <summary>
/// Damages a JSON body in one of the ways of <see cref="Mutation"/>, choosing where and how from a
/// seeded <see cref="Random"/>: the same seed gives the same bodies on every run, so a failure found
/// once is found again. Structural edits work on a <see cref="JsonNode"/> tree; what a tree cannot
/// hold (a duplicate member, raw control bytes, nesting past the writer's depth) is spliced in as text.
/// </summary>
internal sealed class JsonMutator(int seed)
{
    private const string Marker = "__hostile_splice__";
    private static readonly string[] ControlStrings = ["\u0000", "line\nbreak", "\r\n\r\nHTTP/1.1 200 OK", "\u001b[2J\u0007", "\u2028\u2029", "\u200b\ufeff", "tab\there"];

    private readonly Random _random = new(seed);

    public byte[] Mutate(string json, Mutation mutation)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        switch (mutation)
        {
            case Mutation.Truncate:
                return bytes[.._random.Next(bytes.Length)];
            case Mutation.InsertBytes:
                var grown = bytes.ToList();
                for (var i = _random.Next(1, 5); i > 0; i--)
                {
                    grown.Insert(_random.Next(grown.Count + 1), (byte)_random.Next(256));
                }

                return [.. grown];
            case Mutation.ReplaceBytes:
                for (var i = _random.Next(1, 5); i > 0; i--)
                {
                    bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
                }

                return bytes;
            default:
                return Encoding.UTF8.GetBytes(Structural(JsonNode.Parse(json)!, mutation));
        }
    }

    private string Structural(JsonNode? root, Mutation mutation)
    {
        var slots = new List<Slot> { new(null, null) };
        Collect(root, slots);
        var members = slots.Where(s => s.Parent is not null).ToList();
        var strings = slots.Where(s => s.Get(root) is JsonValue { } v && v.GetValueKind() == JsonValueKind.String).ToList();
        var objects = slots.Where(s => s.Get(root) is JsonObject { Count: > 0 }).ToList();
        string? splice = null;
        switch (mutation)
        {
            case Mutation.DeleteMember:
                Pick(members).Remove();
                break;
            case Mutation.SetNull:
                root = Pick(slots).Set(root, null);
                break;
            case Mutation.ChangeType:
                var slot = Pick(slots);
                root = slot.Set(root, OtherType(slot.Get(root)));
                break;
            case Mutation.EmptyString:
                Pick(strings.Count > 0 ? strings : members).Set(root, "");
                break;
            case Mutation.LongString:
                Pick(strings.Count > 0 ? strings : members).Set(root, new string('x', Pick([1025, 70_000, 300_000])));
                break;
            case Mutation.ControlString when _random.Next(2) == 0:
                Pick(strings.Count > 0 ? strings : members).Set(root, Pick(ControlStrings)); // escaped: valid JSON
                break;
            case Mutation.ControlString:
                splice = $"\"{Pick(ControlStrings)}\""; // raw control characters in a string: not JSON
                Pick(strings.Count > 0 ? strings : members).Set(root, Marker);
                break;
            case Mutation.DuplicateMember:
                var owner = Pick(objects);
                var obj = owner.Get(root)!.AsObject();
                var (name, value) = obj.ElementAt(_random.Next(obj.Count));
                var copy = Pick([value?.ToJsonString() ?? "null", "null", OtherType(value)?.ToJsonString() ?? "null"]);
                var memberTexts = obj.Select(p => $"{JsonSerializer.Serialize(p.Key)}:{p.Value?.ToJsonString() ?? "null"}").ToList();
                memberTexts.Insert(_random.Next(memberTexts.Count + 1), $"{JsonSerializer.Serialize(name)}:{copy}");
                splice = "{" + string.Join(",", memberTexts) + "}";
                root = owner.Set(root, Marker);
                break;
            case Mutation.NestDeeper:
                var nested = Pick(members);
                var inner = nested.Get(root)?.ToJsonString() ?? "null";
                var depth = Pick([1, 2, 3, 70, 1000]);
                splice = _random.Next(2) == 0
                    ? new string('[', depth) + inner + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"value\":", depth)) + inner + new string('}', depth);
                nested.Set(root, Marker);
                break;
        }

        var text = root?.ToJsonString() ?? "null";
        return splice is null ? text : text.Replace($"\"{Marker}\"", splice, StringComparison.Ordinal);
    }

    private JsonNode? OtherType(JsonNode? current)
    {
        var kind = current?.GetValueKind() ?? JsonValueKind.Null;
        JsonNode?[] candidates =
        [
            kind == JsonValueKind.String ? null : JsonValue.Create("x"),
            kind == JsonValueKind.Number ? null : JsonValue.Create(Pick([0, -1, 1e308, 3.5, 2147483648d])),
            kind is JsonValueKind.True or JsonValueKind.False ? null : JsonValue.Create(_random.Next(2) == 0),
            kind == JsonValueKind.Array ? null : new JsonArray(current?.DeepClone()),
            kind == JsonValueKind.Object ? null : new JsonObject { ["value"] = current?.DeepClone() },
        ];
        return Pick(candidates.Where(c => c is not null).ToList());
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static void Collect(JsonNode? node, List<Slot> slots)
    {
        IEnumerable<(object Key, JsonNode? Child)> children = node switch
        {
            JsonObject obj => obj.Select(p => ((object)p.Key, p.Value)),
            JsonArray array => array.Select((child, i) => ((object)i, child)),
            _ => [],
        };
        foreach (var (key, child) in children.ToList())
        {
            slots.Add(new Slot(node, key));
            Collect(child, slots);
        }
    }

    /// <summary>A place a value sits: a member of an object, an element of an array, or the root (no parent).</summary>
    private sealed record Slot(JsonNode? Parent, object? Key)
    {
        public JsonNode? Get(JsonNode? root) => Parent switch
        {
            JsonObject obj => obj[(string)Key!],
            JsonArray array => array[(int)Key!],
            _ => root,
        };

        /// <returns>The root after the change: a new one when this slot is the root.</returns>
        public JsonNode? Set(JsonNode? root, JsonNode? value)
        {
            switch (Parent)
            {
                case JsonObject obj: obj[(string)Key!] = value; return root;
                case JsonArray array: array[(int)Key!] = value; return root;
                default: return value;
            }
        }

        public void Remove()
        {
            if (Parent is JsonObject obj)
            {
                obj.Remove((string)Key!);
            }
            else if (Parent is JsonArray array)
            {
                array.RemoveAt((int)Key!);
            }
        }
    }
}
