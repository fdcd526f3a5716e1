-module(guard_sizes).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [{}, {1}, {1, 2}, {1, 2, 3}, <<>>, <<1, 2, 3>>, <<1:12>>, "", "ab", "abcdef",
            #{}, #{a => 1, b => 2}, [1, 2 | 3], 7],
    [erlang:display({V, size_class(V)}) || V <- [id(X) || X <- Vals]],
    erlang:display([length(L) || L <- [[], "a", lists:seq(1, 1000)]]),
    erlang:display([byte_size(B) || B <- [<<>>, <<1:1>>, <<1:8>>, <<1:9>>, <<0:800>>]]),
    erlang:display([bit_size(B) || B <- [<<>>, <<1:1>>, <<1:8>>, <<1:9>>, <<0:800>>]]),
    erlang:display([tuple_size(T) || T <- [{}, {a}, list_to_tuple(lists:seq(1, 300))]]),
    erlang:display([map_size(M) || M <- [#{}, #{a => 1}, maps:from_list([{I, I} || I <- lists:seq(1, 100)])]]),
    erlang:display([size(X) || X <- [{a, b}, <<"xyz">>, <<1:17>>]]),
    ok.

size_class(T) when tuple_size(T) =:= 0 -> empty_tuple;
size_class(T) when tuple_size(T) < 3 -> small_tuple;
size_class(T) when is_tuple(T) -> tuple;
size_class(B) when byte_size(B) =:= 0 -> empty_binary;
size_class(B) when bit_size(B) rem 8 =/= 0 -> {bits, bit_size(B)};
size_class(B) when size(B) >= 3 -> {bytes, size(B)};
size_class(L) when length(L) > 3 -> long_list;
size_class(L) when length(L) >= 0 -> {short_list, length(L)};
size_class(M) when map_size(M) > 0 -> {map, map_size(M)};
size_class(M) when is_map(M) -> empty_map;
size_class(_) -> other.
