-module(lists_split).
-export([main/0]).

main() ->
    L = lists:seq(1, 12),
    erlang:display(lists:split(4, L)),
    erlang:display(lists:split(0, L)),
    erlang:display(lists:split(12, L)),
    erlang:display(try lists:split(13, L) catch error:R -> {error, R} end),
    erlang:display(lists:partition(fun(X) -> X rem 3 =:= 0 end, L)),
    erlang:display(lists:splitwith(fun(X) -> X < 5 end, L)),
    erlang:display(lists:splitwith(fun(X) -> X > 5 end, L)),
    erlang:display(lists:dropwhile(fun(X) -> X < 7 end, L)),
    erlang:display(lists:takewhile(fun(X) -> X < 7 end, L)),
    erlang:display(lists:dropwhile(fun(X) -> X < 100 end, L)),
    erlang:display(lists:takewhile(fun(X) -> X < 100 end, L)),
    erlang:display(string:split("a,b,,c", ",", all)),
    erlang:display(lists:splitwith(fun(C) -> C =/= $= end, "key=value")),
    erlang:display(group(fun(X) -> X rem 2 end, [1, 3, 5, 2, 4, 7, 9, 8])),
    ok.

group(_, []) -> [];
group(F, [H | _] = L) ->
    K = F(H),
    {G, Rest} = lists:splitwith(fun(X) -> F(X) =:= K end, L),
    [G | group(F, Rest)].
