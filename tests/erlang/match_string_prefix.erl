-module(match_string_prefix).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Cmds = ["get key1", "set key2 value", "del x", "quit", "help me", "", "getx", "set"],
    [erlang:display({C, parse(C)}) || C <- [id(X) || X <- Cmds]],
    erlang:display([strip_prefix(S) || S <- id(["http://a.b/c", "https://x.y", "ftp://q", "mailto:z"])]),
    erlang:display(words(id("the quick  brown fox"))),
    ok.

parse("get " ++ Key) -> {get, Key};
parse("set " ++ Rest) ->
    case string:split(Rest, " ") of
        [K, V] -> {set, K, V};
        [K] -> {set_missing_value, K}
    end;
parse("del " ++ Key) -> {del, Key};
parse("quit") -> quit;
parse([$h, $e, $l, $p | Rest]) -> {help, Rest};
parse("") -> empty;
parse(Other) -> {unknown, Other}.

strip_prefix("http://" ++ R) -> {http, R};
strip_prefix("https://" ++ R) -> {https, R};
strip_prefix("ftp://" ++ R) -> {ftp, R};
strip_prefix(S) -> {other, S}.

words(S) -> words(S, [], []).
words([], [], Acc) -> lists:reverse(Acc);
words([], W, Acc) -> lists:reverse([lists:reverse(W) | Acc]);
words([$\s | T], [], Acc) -> words(T, [], Acc);
words([$\s | T], W, Acc) -> words(T, [], [lists:reverse(W) | Acc]);
words([C | T], W, Acc) -> words(T, [C | W], Acc).
