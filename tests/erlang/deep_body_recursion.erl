-module(deep_body_recursion).
-export([main/0]).

main() ->
    L = lists:seq(1, 1000000),
    erlang:display(len(L)),
    erlang:display(sum(L)),
    erlang:display(count_down(1000000)),
    M = map_plus(L),
    erlang:display({hd(M), lists:last(M), length(M)}),
    erlang:display(build(1000000, []) =:= lists:reverse(L)),
    erlang:display(nest(100000)),
    ok.

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

count_down(0) -> 0;
count_down(N) -> 1 + count_down(N - 1).

map_plus([]) -> [];
map_plus([H | T]) -> [H + 1 | map_plus(T)].

build(0, Acc) -> Acc;
build(N, Acc) -> [N | build(N - 1, Acc)].

nest(0) -> 0;
nest(N) -> {depth, D} = {depth, 1 + nest(N - 1)}, D.
