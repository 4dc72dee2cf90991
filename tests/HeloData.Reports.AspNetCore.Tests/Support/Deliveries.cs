using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>Signed deliveries as the service sends them (the contract's "Webhook deliveries" section).</summary>
internal static class Deliveries
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public const string OtherSecret = "whsec_dGhlLW5ldy1zZWNyZXQtYWZ0ZXItcm90YXRpb24=";

    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string secret, string id, string timestamp, byte[] body) => WebhookSigning.Sign(secret, id, timestamp, body);

    /// <summary>A delivery of <paramref name="body"/> for <paramref name="runId"/>, signed now with <see cref="Secret"/>; <paramref name="change"/> tampers with it after signing.</summary>
    public static HttpRequestMessage Request(Uri address, string runId, byte[] body, string contentType = "text/csv; charset=utf-8", Action<HttpRequestMessage>? change = null, string? secret = null, string? timestamp = null)
    {
        timestamp ??= Now();
        var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("webhook-id", runId);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", Sign(secret ?? Secret, runId, timestamp, body));
        request.Headers.Add("helodata-report-id", "rep_123");
        request.Headers.Add("helodata-report-type", "traffic");
        request.Headers.Add("helodata-format", "csv");
        change?.Invoke(request);
        return request;
    }

    public static async Task<HttpResponseMessage> SendAsync(Uri address, string runId, byte[] body, Action<HttpRequestMessage>? change = null, string? secret = null, string? timestamp = null)
    {
        using var request = Request(address, runId, body, change: change, secret: secret, timestamp: timestamp);
        return await Http.SendAsync(request);
    }

    public static byte[] Csv(int rows = 3)
    {
        var text = new StringBuilder("date,subuser_id,product,bandwidth_bytes,requests\r\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"2026-05-0{1 + (i % 9)},su_{i:x4},residential,{i * 1000},{i}\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
