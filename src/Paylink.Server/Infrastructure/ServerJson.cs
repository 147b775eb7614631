using System.Text.Encodings.Web;
using System.Text.Json;
using Paylink.Client;

namespace Paylink.Server.Infrastructure;

public static class ServerJson
{
    /// <summary>The wire settings, writing non-ASCII text as it is (names and metadata come back as sent).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        PaylinkJson.Configure(options);
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
