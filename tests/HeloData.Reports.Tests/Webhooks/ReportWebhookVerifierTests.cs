using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Tests.Webhooks;

public sealed class ReportWebhookVerifierTests
{
    // The contract's Standard Webhooks test vector.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string VectorTimestamp = "1614265330";
    private const string VectorBody = """{"test": 2432232314}""";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private const string OtherSecret = "whsec_dGhlLW5ldy1zZWNyZXQtYWZ0ZXItcm90YXRpb24=";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1614265330));

    [Test]
    public async Task The_contract_test_vector_verifies()
    {
        var verified = await Verifier(VectorSecret).VerifyAsync(VectorId, VectorTimestamp, VectorSignature, Body(VectorBody));

        Assert.That(verified.RunId, Is.EqualTo(VectorId));
        Assert.That(verified.SignedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1614265330)));
        Assert.That(verified.Length, Is.EqualTo(Encoding.UTF8.GetByteCount(VectorBody)));
    }

    [TestCase("msg_p5jXN8AQM9LWM0D4loKWxJeK", VectorTimestamp, VectorBody, TestName = "a changed id")]
    [TestCase(VectorId, "1614265331", VectorBody, TestName = "a changed timestamp")]
    [TestCase(VectorId, VectorTimestamp, """{"test": 2432232315}""", TestName = "a changed body")]
    [TestCase(VectorId, VectorTimestamp, """{"test": 2432232314} """, TestName = "a longer body")]
    [TestCase(VectorId, VectorTimestamp, "", TestName = "an empty body")]
    public async Task Anything_tampered_with_fails_the_signature(string id, string timestamp, string body)
    {
        var error = await Assert.ThrowsAsync<ReportWebhookVerificationException>(() => Verifier(VectorSecret).VerifyAsync(id, timestamp, VectorSignature, Body(body)));

        Assert.That(error.Reason, Is.EqualTo(ReportWebhookFailure.InvalidSignature));
    }

    [Test]
    public async Task The_wrong_secret_fails_the_signature()
    {
        var error = await Assert.ThrowsAsync<ReportWebhookVerificationException>(
            () => Verifier(OtherSecret).VerifyAsync(VectorId, VectorTimestamp, VectorSignature, Body(VectorBody)));

        Assert.That(error.Reason, Is.EqualTo(ReportWebhookFailure.InvalidSignature));
        Assert.That(error.Message, Does.Not.Contain("MfKQ9r8").And.Not.Contain("g0hM9SsE"), "neither the secret nor the signature is shown");
    }

    [Test]
    public async Task During_a_rotation_either_secret_verifies()
    {
        var verifier = Verifier(VectorSecret, OtherSecret);
        var signedWithNew = Sign(OtherSecret, "run_1", VectorTimestamp, "a,b\r\n");

        Assert.That((await verifier.VerifyAsync("run_1", VectorTimestamp, signedWithNew, Body("a,b\r\n"))).RunId, Is.EqualTo("run_1"));
        Assert.That((await verifier.VerifyAsync(VectorId, VectorTimestamp, VectorSignature, Body(VectorBody))).RunId, Is.EqualTo(VectorId));
    }

    [Test]
    public async Task Any_one_valid_signature_in_the_header_is_enough()
    {
        var header = $"v1,{Convert.ToBase64String(new byte[32])} {Sign(OtherSecret, VectorId, VectorTimestamp, VectorBody)} {VectorSignature}";

        var verified = await Verifier(VectorSecret).VerifyAsync(VectorId, VectorTimestamp, header, Body(VectorBody));

        Assert.That(verified.RunId, Is.EqualTo(VectorId));
    }

    [Test]
    public async Task Unknown_signature_versions_and_malformed_entries_are_ignored()
    {
        var header = $"v2,c29tZXRoaW5n v1a,{VectorSignature[3..]} v1,not-base64 v1,AAAA v1 ,, {VectorSignature}";

        var verified = await Verifier(VectorSecret).VerifyAsync(VectorId, VectorTimestamp, header, Body(VectorBody));

        Assert.That(verified.RunId, Is.EqualTo(VectorId));
    }

    [TestCase(null, TestName = "no signature header")]
    [TestCase("", TestName = "an empty signature header")]
    [TestCase("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", TestName = "only another version's signature")]
    [TestCase("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", TestName = "a signature without its version")]
    public async Task A_header_without_a_v1_signature_fails_before_the_body_is_read(string? header)
    {
        var error = await Assert.ThrowsAsync<ReportWebhookVerificationException>(
            () => Verifier(VectorSecret).VerifyAsync(VectorId, VectorTimestamp, header, new UnreadableStream()));

        Assert.That(error.Reason, Is.EqualTo(ReportWebhookFailure.InvalidSignature));
    }

    [TestCase("v1,AAAA", TestName = "a v1 signature of 3 bytes")]
    [TestCase("v1,not-base64 v1,AAAA v2,AAAA", TestName = "only v1 signatures that are not 32 bytes of base64")]
    public async Task A_v1_signature_that_is_not_32_bytes_is_a_bad_signature_found_before_the_body_is_read(string header)
    {
        var error = await Assert.ThrowsAsync<ReportWebhookVerificationException>(
            () => Verifier(VectorSecret).VerifyAsync(VectorId, VectorTimestamp, header, new UnreadableStream()));

        Assert.That(error.Reason, Is.EqualTo(ReportWebhookFailure.InvalidSignature));
        Assert.That(error.Message, Does.Contain("can match").And.Not.Contain("holds no v1 signature"));
    }

    [Test]
    public async Task A_bad_signature_does_not_tell_the_sender_how_many_secrets_are_configured()
    {
        var error = await Assert.ThrowsAsync<ReportWebhookVerificationException>(
            () => Verifier(OtherSecret, OtherSecret).VerifyAsync(VectorId, VectorTimestamp, VectorSignature, Body(VectorBody)));

        Assert.That(error.Reason, Is.EqualTo(ReportWebhookFailure.InvalidSignature));
        Assert.That(error.Message, Does.Not.Contain("secret").And.Not.Contain("2"));
    }

    [TestCase(VectorId, VectorTimestamp, null, ReportWebhookFailure.InvalidSignature, TestName = "VerifyHeaders: no signature")]
    [TestCase(VectorId, VectorTimestamp, "v1,AAAA", ReportWebhookFailure.InvalidSignature, TestName = "VerifyHeaders: a signature that cannot match")]
    [TestCase(null, VectorTimestamp, VectorSignature, ReportWebhookFailure.MissingHeader, TestName = "VerifyHeaders: no id")]
    [TestCase(VectorId, "soon", VectorSignature, ReportWebhookFailure.MalformedTimestamp, TestName = "VerifyHeaders: a malformed timestamp")]
    [TestCase(VectorId, "1614264000", VectorSignature, ReportWebhookFailure.TimestampOutOfTolerance, TestName = "VerifyHeaders: a stale timestamp")]
    public void VerifyHeaders_refuses_what_the_headers_alone_condemn(string? id, string? timestamp, string? signature, ReportWebhookFailure reason)
    {
        var error = Assert.Throws<ReportWebhookVerificationException>(() => Verifier(VectorSecret).VerifyHeaders(id, timestamp, signature));

        Assert.That(error.Reason, Is.EqualTo(reason));
    }

    [Test]
    public void VerifyHeaders_lets_plausible_headers_through_without_a_body() =>
        Assert.That(() => Verifier(VectorSecret).VerifyHeaders(VectorId, VectorTimestamp, "v1," + Convert.ToBase64String(new byte[32])), Throws.Nothing);

    [TestCase(null, VectorTimestamp, "webhook-id")]
    [TestCase(" ", VectorTimestamp, "webhook-id")]
    [TestCase(VectorId, null, "webhook-timestamp")]
    [TestCase(VectorId, "", "webhook-timestamp")]
    public async Task A_missing_header_is_named_and_the_body_is_not_read(string? id, string? timestamp, string named)
    {
        var error = await Assert.ThrowsAsync<ReportWebhookVerificationException>(
            () => Verifier(VectorSecret).VerifyAsync(id, timestamp, VectorSignature, new UnreadableStream()));

        Assert.That(error.Reason, Is.EqualTo(ReportWebhookFailure.MissingHeader));
        Assert.That(error.Message, Does.Contain(named));
    }

    [TestCase("abc")]
    [TestCase("-1614265330")]
    [TestCase("+1614265330")]
    [TestCase("1614265330.5")]
    [TestCase("1.6e9")]
    [TestCase(" 1614265330")]
    [TestCase("99999999999999999999")]
    [TestCase("999999999999999")]
    public async Task A_timestamp_that_is_not_unix_seconds_is_malformed(string timestamp)
    {
        var error = await Assert.ThrowsAsync<ReportWebhookVerificationException>(
            () => Verifier(VectorSecret).VerifyAsync(VectorId, timestamp, VectorSignature, new UnreadableStream()));

        Assert.That(error.Reason, Is.EqualTo(ReportWebhookFailure.MalformedTimestamp));
    }

    [TestCase(-301, TestName = "signed more than 5 minutes ago (a replay)")]
    [TestCase(301, TestName = "signed more than 5 minutes ahead")]
    public async Task A_timestamp_out_of_tolerance_is_refused_before_the_body_is_read(int offsetSeconds)
    {
        var timestamp = (1614265330 + offsetSeconds).ToString(CultureInfo.InvariantCulture);
        var signature = Sign(VectorSecret, VectorId, timestamp, VectorBody);

        var error = await Assert.ThrowsAsync<ReportWebhookVerificationException>(
            () => Verifier(VectorSecret).VerifyAsync(VectorId, timestamp, signature, new UnreadableStream()));

        Assert.That(error.Reason, Is.EqualTo(ReportWebhookFailure.TimestampOutOfTolerance));
    }

    [TestCase(-300)]
    [TestCase(300)]
    public async Task A_timestamp_exactly_at_the_tolerance_is_accepted(int offsetSeconds)
    {
        var timestamp = (1614265330 + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        var verified = await Verifier(VectorSecret).VerifyAsync(VectorId, timestamp, Sign(VectorSecret, VectorId, timestamp, VectorBody), Body(VectorBody));

        Assert.That(verified.SignedAt.ToUnixTimeSeconds(), Is.EqualTo(1614265330 + offsetSeconds));
    }

    [Test]
    public async Task The_tolerance_follows_the_clock_it_is_given()
    {
        var verifier = new ReportWebhookVerifier([VectorSecret], TimeSpan.FromSeconds(30), _time);
        Assert.That((await verifier.VerifyAsync(VectorId, VectorTimestamp, VectorSignature, Body(VectorBody))).RunId, Is.EqualTo(VectorId));

        _time.Advance(TimeSpan.FromSeconds(31));

        var error = await Assert.ThrowsAsync<ReportWebhookVerificationException>(() => verifier.VerifyAsync(VectorId, VectorTimestamp, VectorSignature, Body(VectorBody)));
        Assert.That(error.Reason, Is.EqualTo(ReportWebhookFailure.TimestampOutOfTolerance));
    }

    [Test]
    public async Task A_large_body_read_in_small_pieces_verifies_and_is_copied_byte_for_byte()
    {
        var body = new byte[3 * 1024 * 1024 + 17];
        new Random(12).NextBytes(body);
        var signature = Sign(VectorSecret, "run_big", VectorTimestamp, body);
        using var copy = new MemoryStream();

        var verified = await Verifier(VectorSecret).VerifyAsync("run_big", VectorTimestamp, signature, new TrickleStream(body, 1000), copy);

        Assert.That(verified.Length, Is.EqualTo(body.Length));
        Assert.That(copy.ToArray(), Is.EqualTo(body));
    }

    [Test]
    public async Task A_secret_without_the_whsec_prefix_is_used_as_its_utf8_bytes()
    {
        const string plain = "my-Secret-ß";
        var signature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(plain), Encoding.UTF8.GetBytes($"run_1.{VectorTimestamp}.x")));

        var verified = await Verifier(plain).VerifyAsync("run_1", VectorTimestamp, signature, Body("x"));

        Assert.That(verified.RunId, Is.EqualTo("run_1"));
    }

    [Test]
    public void Canceling_stops_reading_the_body()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.That(
            () => Verifier(VectorSecret).VerifyAsync(VectorId, VectorTimestamp, VectorSignature, new TrickleStream(new byte[1_000_000], 10), cancellationToken: cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task A_token_follows_the_body_alone()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        var verified = await Verifier(VectorSecret).VerifyAsync(VectorId, VectorTimestamp, VectorSignature, Body(VectorBody), CancellationToken.None);

        Assert.That(verified.RunId, Is.EqualTo(VectorId));
        Assert.That(
            () => Verifier(VectorSecret).VerifyAsync(VectorId, VectorTimestamp, VectorSignature, new TrickleStream(new byte[1_000_000], 10), canceled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Bad_secrets_are_refused_at_construction_without_showing_them()
    {
        Assert.That(() => new ReportWebhookVerifier([]), Throws.ArgumentException.With.Message.Contains("At least one"));
        Assert.That(() => new ReportWebhookVerifier([VectorSecret, ""]), Throws.ArgumentException.With.Message.Contains("#2"));
        Assert.That(() => new ReportWebhookVerifier(["   "]), Throws.ArgumentException.With.Message.Contains("#1").And.Message.Contains("white space"));
        Assert.That(() => new ReportWebhookVerifier([VectorSecret, "\t\r\n"]), Throws.ArgumentException.With.Message.Contains("#2"));
        Assert.That(() => new ReportWebhookVerifier(["whsec_   "]), Throws.ArgumentException.With.Message.Contains("#1"));
        Assert.That(() => new ReportWebhookVerifier(null!), Throws.ArgumentNullException);
        Assert.That(() => new ReportWebhookVerifier(["whsec_not base64!!"]), Throws.ArgumentException.With.Message.Contains("#1").And.Message.Not.Contains("not base64!!"));
        Assert.That(() => new ReportWebhookVerifier(["whsec_"]), Throws.ArgumentException);
        Assert.That(() => new ReportWebhookVerifier([VectorSecret], TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void The_verifier_does_not_show_its_secrets()
    {
        Assert.That(Verifier(VectorSecret).ToString(), Does.Not.Contain("MfKQ9r8"));
    }

    private ReportWebhookVerifier Verifier(params string[] secrets) => new(secrets, timeProvider: _time);

    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Sign(string secret, string id, string timestamp, string body) => Sign(secret, id, timestamp, Encoding.UTF8.GetBytes(body));

    private static string Sign(string secret, string id, string timestamp, byte[] body) => WebhookSigning.Sign(secret, id, timestamp, body);

    /// <summary>A body that must not be read: the headers alone decide.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new AssertionException("the body was read although the headers were enough to refuse the delivery");
    }

    /// <summary>A body that arrives a few bytes at a time, as a slow request does.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
        }
    }
}
