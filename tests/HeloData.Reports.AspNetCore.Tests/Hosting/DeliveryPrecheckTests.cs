using System.Globalization;
using HeloData.Reports.AspNetCore.Tests.Support;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>
/// What the headers alone condemn is answered before a single body byte is read: each sender here promises
/// a 100 MiB body and sends none of it, so an answer at all proves the body was not waited for.
/// </summary>
public sealed class DeliveryPrecheckTests
{
    private const long Promised = 100L * 1024 * 1024;

    private string _temp = null!;
    private Receiver _receiver = null!;
    private int _calls;

    [SetUp]
    public async Task SetUp()
    {
        _temp = Directory.CreateTempSubdirectory("helodata-precheck-").FullName;
        _receiver = await Receiver.StartAsync(
            (_, _) => { Interlocked.Increment(ref _calls); return Task.CompletedTask; },
            o => { o.TemporaryDirectory = _temp; o.MaxDeliveryBytes = 10 * 1024 * 1024; },
            Stores.InMemory());
    }

    [TearDown]
    public async Task TearDown()
    {
        await _receiver.DisposeAsync();
        Directory.Delete(_temp, recursive: true);
    }

    [TestCase("no-signature", 401)]
    [TestCase("empty-signature", 401)]
    [TestCase("v2-signature", 401)]
    [TestCase("short-signature", 401)]
    [TestCase("no-id", 400)]
    [TestCase("no-timestamp", 400)]
    [TestCase("malformed-timestamp", 400)]
    [TestCase("stale-timestamp", 400)]
    [TestCase("future-timestamp", 400)]
    [TestCase("over-the-limit", 413)]
    public async Task A_request_its_headers_condemn_is_answered_before_its_body(string fault, int status)
    {
        foreach (var chunked in fault == "over-the-limit" ? [false] : new[] { false, true })
        {
            await using var sender = await RawSender.ConnectAsync(_receiver.Address);
            await sender.SendHeadAsync(_receiver.Address, Headers(fault), chunked ? null : fault == "over-the-limit" ? 10 * 1024 * 1024 + 1 : Promised);

            var response = await sender.ReadResponseAsync();

            Assert.That(response.Status, Is.EqualTo(status), chunked ? "chunked" : "with Content-Length");
        }

        Assert.That(_calls, Is.Zero);
        Assert.That(new SpoolProbe(_temp).Files(), Is.Empty, "nothing was spooled");
    }

    [Test]
    public async Task Plausible_headers_are_let_through_to_the_body()
    {
        await using var sender = await RawSender.ConnectAsync(_receiver.Address);
        await sender.SendHeadAsync(_receiver.Address, Headers("none"), 5);
        await sender.SendAsync("a,b\r\n"u8.ToArray());

        var response = await sender.ReadResponseAsync();

        Assert.That(response.Status, Is.EqualTo(401), "read, hashed, and found not to match");
    }

    /// <summary>Headers as a sender who cannot sign would send them: all there and well formed, the signature made up.</summary>
    internal static IEnumerable<(string Name, string Value)> Headers(string fault, string runId = "run_precheck")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var timestamp = fault switch
        {
            "malformed-timestamp" => "yesterday",
            "stale-timestamp" => (now - 600).ToString(CultureInfo.InvariantCulture),
            "future-timestamp" => (now + 600).ToString(CultureInfo.InvariantCulture),
            _ => now.ToString(CultureInfo.InvariantCulture),
        };
        var signature = fault switch
        {
            "empty-signature" => "",
            "v2-signature" => "v2," + Convert.ToBase64String(new byte[32]),
            "short-signature" => "v1,AAAA",
            _ => "v1," + Convert.ToBase64String(new byte[32]),
        };

        if (fault != "no-id")
        {
            yield return ("webhook-id", runId);
        }

        if (fault != "no-timestamp")
        {
            yield return ("webhook-timestamp", timestamp);
        }

        if (fault != "no-signature")
        {
            yield return ("webhook-signature", signature);
        }
    }
}
