using System.Net;
using System.Text;
using HeloData.Reports.AspNetCore.Tests.Support;

namespace HeloData.Reports.AspNetCore.Tests;

/// <summary>What the endpoint answers for good and bad deliveries, and that only verified ones reach the handler.</summary>
public sealed class AnswerTests
{
    private Receiver _receiver = null!;
    private readonly List<string> _handled = [];

    [OneTimeSetUp]
    public async Task Start() => _receiver = await Receiver.StartAsync(
        (delivery, _) =>
        {
            lock (_handled)
            {
                _handled.Add(delivery.RunId);
            }

            return Task.CompletedTask;
        },
        o => o.SigningSecrets = [Deliveries.Secret, Deliveries.OtherSecret],
        Stores.InMemory());

    [OneTimeTearDown]
    public async Task Stop() => await _receiver.DisposeAsync();

    [Test]
    public async Task A_signed_delivery_is_handled_and_answered_200()
    {
        using var response = await Deliveries.SendAsync(_receiver.Address, "run_ok", Deliveries.Csv());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Handled("run_ok"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_delivery_signed_with_the_other_secret_of_a_rotation_is_handled()
    {
        using var response = await Deliveries.SendAsync(_receiver.Address, "run_rotated", Deliveries.Csv(), secret: Deliveries.OtherSecret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Handled("run_rotated"), Is.EqualTo(1));
    }

    [TestCase("body", TestName = "a tampered body")]
    [TestCase("id", TestName = "a tampered id")]
    [TestCase("signature", TestName = "a tampered signature")]
    [TestCase("no-signature", TestName = "no signature header")]
    [TestCase("wrong-secret", TestName = "a signature under an unknown secret")]
    public async Task A_bad_or_missing_signature_is_401_and_never_handled(string tamper)
    {
        var runId = "run_bad_" + tamper;
        using var request = Deliveries.Request(_receiver.Address, runId, Deliveries.Csv(), secret: tamper == "wrong-secret" ? "whsec_" + Convert.ToBase64String(new byte[24]) : null, change: request =>
        {
            switch (tamper)
            {
                case "body":
                    request.Content = new ByteArrayContent(Deliveries.Csv(4));
                    break;
                case "id":
                    request.Headers.Remove("webhook-id");
                    request.Headers.Add("webhook-id", "run_other");
                    break;
                case "signature":
                    var signature = request.Headers.GetValues("webhook-signature").Single();
                    request.Headers.Remove("webhook-signature");
                    request.Headers.Add("webhook-signature", signature[..^4] + "AAA=");
                    break;
                case "no-signature":
                    request.Headers.Remove("webhook-signature");
                    break;
            }
        });

        using var response = await Deliveries.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Handled(runId) + Handled("run_other"), Is.Zero);
    }

    [TestCase("webhook-id")]
    [TestCase("webhook-timestamp")]
    public async Task A_missing_header_is_400_naming_it(string header)
    {
        using var response = await Deliveries.SendAsync(_receiver.Address, "run_missing", Deliveries.Csv(), change: request => request.Headers.Remove(header));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(header));
        Assert.That(Handled("run_missing"), Is.Zero);
    }

    [TestCase(-600, TestName = "a timestamp 10 minutes old (a replay)")]
    [TestCase(600, TestName = "a timestamp 10 minutes ahead")]
    public async Task A_timestamp_out_of_tolerance_is_400_even_when_correctly_signed(int offsetSeconds)
    {
        var timestamp = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await Deliveries.SendAsync(_receiver.Address, "run_stale", Deliveries.Csv(), timestamp: timestamp);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Handled("run_stale"), Is.Zero);
    }

    [Test]
    public async Task A_malformed_timestamp_is_400()
    {
        using var response = await Deliveries.SendAsync(_receiver.Address, "run_malformed", Deliveries.Csv(), timestamp: "yesterday");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Only_post_is_mapped()
    {
        using var response = await Deliveries.Http.GetAsync(_receiver.Address);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task No_log_line_shows_a_secret_or_a_signature()
    {
        var body = Deliveries.Csv();
        var timestamp = Deliveries.Now();
        var signature = Deliveries.Sign(Deliveries.Secret, "run_logged", timestamp, body);
        using (await Deliveries.SendAsync(_receiver.Address, "run_logged", body, timestamp: timestamp))
        using (await Deliveries.SendAsync(_receiver.Address, "run_logged_bad", Encoding.UTF8.GetBytes("tampered"), change: r => r.Headers.Remove("webhook-id")))
        {
        }

        var logs = string.Join("\n", _receiver.Logs);
        Assert.That(logs, Does.Contain("run_logged"), "the run is named");
        Assert.That(logs, Does.Not.Contain(signature[3..]).And.Not.Contain("MfKQ9r8").And.Not.Contain("ZXItcm90YXRpb24"));
    }

    private int Handled(string runId)
    {
        lock (_handled)
        {
            return _handled.Count(id => id == runId);
        }
    }
}
