using System.Collections.Concurrent;
using HeloData.Reports.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>A body that cannot be read (too slow, a malformed chunk, a sender gone) is one log line and an answer, never an unhandled exception.</summary>
public sealed class DeliveryIntakeTests
{
    private string _temp = null!;

    [SetUp]
    public void SetUp() => _temp = Directory.CreateTempSubdirectory("helodata-intake-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_temp, recursive: true);

    [Test]
    public async Task A_body_too_slow_for_kestrels_minimum_data_rate_is_one_warning_line_and_a_408()
    {
        var logs = new ConcurrentQueue<string>();
        var options = Options.Create(new ReportWebhookOptions { SigningSecrets = [Deliveries.Secret], TemporaryDirectory = _temp });
        using var spool = new WebhookSpool(options, new ListLogger(logs));
        var intake = new DeliveryIntake(options, spool, TimeProvider.System, new ListLogger(logs));
        var context = Context(new ThrowingBody(new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.", StatusCodes.Status408RequestTimeout)));

        var spooled = await intake.ReceiveAsync(context);

        Assert.That(spooled, Is.Null);
        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status408RequestTimeout));
        Assert.That(logs, Is.EqualTo(new[] { "Warning: Could not read a delivery's body (408): Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate." }));
        Assert.That(new SpoolProbe(_temp).Files(), Is.Empty);
    }

    [Test]
    public async Task A_sender_gone_mid_body_is_one_information_line()
    {
        var logs = new ConcurrentQueue<string>();
        var options = Options.Create(new ReportWebhookOptions { SigningSecrets = [Deliveries.Secret], TemporaryDirectory = _temp });
        using var spool = new WebhookSpool(options, new ListLogger(logs));
        var intake = new DeliveryIntake(options, spool, TimeProvider.System, new ListLogger(logs));
        var context = Context(new ThrowingBody(new Microsoft.AspNetCore.Connections.ConnectionResetException("The client reset the request stream.")));

        Assert.That(await intake.ReceiveAsync(context), Is.Null);
        Assert.That(logs, Is.EqualTo(new[] { "Information: The sender of a delivery went away before its body was read; nothing was kept" }));
        Assert.That(new SpoolProbe(_temp).Files(), Is.Empty);
    }

    [Test]
    public async Task A_malformed_chunk_is_a_warning_line_not_an_unhandled_exception()
    {
        await using var receiver = await Receiver.StartAsync((_, _) => Task.CompletedTask, o => o.TemporaryDirectory = _temp, Stores.InMemory());
        await using var sender = await RawSender.ConnectAsync(receiver.Address);
        await sender.SendHeadAsync(receiver.Address, DeliveryPrecheckTests.Headers("none", "run_chunk"), null);
        await sender.SendAsync("zz\r\nnot a chunk\r\n"u8.ToArray());

        var response = await sender.ReadResponseAsync();

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(receiver.Logs, Has.One.StartsWith("Warning: Could not read a delivery's body (400)"));
        // Kestrel's own Debug line about the bad request (hidden at the default level) may carry a trace; nothing shown by default does.
        var shown = receiver.Logs.Where(l => !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal) && !l.StartsWith("Information", StringComparison.Ordinal));
        Assert.That(shown.Where(l => !l.StartsWith("Warning", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal)), Is.Empty);
        Assert.That(new SpoolProbe(_temp).Files(), Is.Empty);
    }

    private static DefaultHttpContext Context(Stream body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = body;
        foreach (var (name, value) in DeliveryPrecheckTests.Headers("none"))
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }

    /// <summary>A request body whose first read fails as Kestrel's does.</summary>
    private sealed class ThrowingBody(Exception exception) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(exception);
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger<ReportWebhookEndpoint>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
