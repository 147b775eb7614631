using Paylink.Server.Startup;

// Settings files ship beside the program; relative paths in settings (./data) are the working folder's.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPaylink();
var app = builder.Build();

if (args is ["keys", "roll", var mode, ..])
{
    return await Cli.RollKeyAsync(app, mode);
}

app.UsePaylink();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
