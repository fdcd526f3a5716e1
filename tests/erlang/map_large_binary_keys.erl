-module(map_large_binary_keys).
-export([main/0]).

main() ->
    Keys = [<<"key_", (integer_to_binary(I))/binary>> || I <- lists:seq(1, 500)],
    M = maps:from_list([{K, byte_size(K)} || K <- Keys]),
    erlang:display(map_size(M)),
    erlang:display(maps:get(<<"key_250">>, M)),
    erlang:display(maps:get(<<"nope">>, M, missing)),
    erlang:display(lists:sum(maps:values(M))),
    erlang:display(lists:sublist(lists:sort(maps:keys(M)), 4)),
    Small = maps:with([<<"key_1">>, <<"key_2">>, <<"key_3">>, <<"key_10">>], M),
    erlang:display(Small),
    S = maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, 60)]),
    erlang:display(S),
    T = maps:from_list([{{I, I rem 3}, I} || I <- lists:seq(1, 40)]),
    erlang:display(T),
    erlang:display(maps:from_list([{<<I:16>>, I} || I <- lists:seq(1, 40)])),
    erlang:display(erlang:phash2(S)),
    ok.
