namespace Paylink.Server.Infrastructure;

/// <summary>Gives every request a <c>req_…</c> id, sent back as the <c>Request-Id</c> header and in error bodies.</summary>
public static class RequestIds
{
    private const string ItemKey = "paylink.request_id";

    public static string Get(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var id) && id is string s ? s : Assign(context);

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            Assign(context);
            return next(context);
        });

    private static string Assign(HttpContext context)
    {
        var id = Ids.Sequential("req");
        context.Items[ItemKey] = id;
        context.Response.Headers["Request-Id"] = id;
        return id;
    }
}
