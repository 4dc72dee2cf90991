using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeloData.Reports.Tests.Support;

/// <summary>Serialization through the SDK's own source-generated context, and JSON-equality assertions.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = ReportsJsonContext.Default.Options;

    public static string Serialize<T>(T value) =>
        JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)))!;

    /// <summary>Parses <paramref name="json"/> as <typeparamref name="T"/> and writes it back.</summary>
    public static string RoundTrip<T>(string json) => Serialize(Deserialize<T>(json));

    /// <summary>Asserts two JSON texts are the same value: same members and values, in any member order.</summary>
    public static void AssertEqual(string? actual, string expected)
    {
        Assert.That(actual, Is.Not.Null, "no JSON body");
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual!);
        Assert.That(
            JsonNode.DeepEquals(expectedNode, actualNode),
            Is.True,
            $"JSON differs.{Environment.NewLine}expected: {expectedNode?.ToJsonString()}{Environment.NewLine}actual:   {actualNode?.ToJsonString()}");
    }
}
