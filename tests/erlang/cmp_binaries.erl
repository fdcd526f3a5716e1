-module(cmp_binaries).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Bins = [<<>>, <<0>>, <<0, 0>>, <<1>>, <<0:1>>, <<1:1>>, <<0:7>>, <<1:7>>, <<255:8, 1:1>>,
            <<255>>, <<128>>, <<127, 255>>, <<"abc">>, <<"abd">>, <<"ab">>, <<1:9>>, <<0:9>>],
    erlang:display(lists:sort(id(Bins))),
    [erlang:display({A, B, A < B, A == B, A > B}) || {A, B} <- pairs(id(Bins)), rand_pick(A, B)],
    Big1 = binary:copy(<<"x">>, 1000),
    Big2 = <<Big1/binary, "y">>,
    Big3 = <<(binary:part(Big1, 0, 999))/binary, "w">>,
    erlang:display({Big1 < Big2, Big3 < Big1, Big2 > Big3, Big1 =:= binary:copy(<<"x">>, 1000)}),
    Sub = binary:part(<<"hello world">>, 6, 5),
    erlang:display({Sub =:= <<"world">>, Sub < <<"worle">>, Sub > <<"worl">>}),
    <<_:3, Odd/bitstring>> = id(<<"abcdef">>),
    erlang:display({Odd, Odd < <<"abc">>, Odd == Odd, bit_size(Odd)}),
    ok.

pairs(L) -> [{A, B} || A <- L, B <- L].

rand_pick(A, B) -> erlang:phash2({A, B}, 5) =:= 0.
